package dev.coachkit.ports.in.conversation;

import dev.coachkit.ports.model.common.Page;
import dev.coachkit.ports.model.conversation.Message;

/** Driving port: pages backwards through a user's messages across all conversations, newest page first. */
public interface ListMessageHistoryUseCase {

  Page<Message> list(ListMessageHistoryQuery query);
}
