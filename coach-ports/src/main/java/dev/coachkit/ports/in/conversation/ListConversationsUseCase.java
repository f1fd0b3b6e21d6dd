package dev.coachkit.ports.in.conversation;

import dev.coachkit.ports.model.common.Page;
import dev.coachkit.ports.model.conversation.Conversation;

/** Driving port: lists a user's conversations, most recently active first. */
public interface ListConversationsUseCase {

  Page<Conversation> list(ListConversationsQuery query);
}
