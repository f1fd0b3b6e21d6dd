package dev.coachkit.domain.conversation;

import static dev.coachkit.domain.conversation.ChatRig.message;
import static org.assertj.core.api.Assertions.assertThat;

import dev.coachkit.ports.in.conversation.ChatTurnResult;
import dev.coachkit.ports.in.conversation.ListConversationMessagesQuery;
import dev.coachkit.ports.in.conversation.ListConversationsQuery;
import dev.coachkit.ports.in.conversation.ListMessageHistoryQuery;
import dev.coachkit.ports.model.common.ConversationId;
import dev.coachkit.ports.model.common.Page;
import dev.coachkit.ports.model.conversation.Conversation;
import dev.coachkit.ports.model.conversation.Message;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConversationQueriesTest {
  private final ChatRig rig = new ChatRig();
  private final SendChatMessageService chat = new SendChatMessageService(rig.engine);

  private ConversationId talk(String text) {
    rig.model.thenReply("Answer to " + text);
    return ((ChatTurnResult.Replied) chat.send(message(rig.bob, text))).reply().conversationId();
  }

  @Test
  void givenTwoConversations_listConversations_returnsTheUsersOnly() {
    ConversationId first = talk("one");
    ConversationId second = talk("two");

    Page<Conversation> page = new ListConversationsService(rig.store)
        .list(new ListConversationsQuery(rig.bob, Optional.empty(), 10));
    Page<Conversation> anas = new ListConversationsService(rig.store)
        .list(new ListConversationsQuery(rig.ana, Optional.empty(), 10));

    assertThat(page.items()).extracting(Conversation::id).containsExactlyInAnyOrder(first, second);
    assertThat(anas.items()).isEmpty();
  }

  @Test
  void givenAConversation_listMessages_pagesItInOrderAndHidesItFromOthers() {
    ConversationId conversation = talk("one");
    ListConversationMessagesService messages = new ListConversationMessagesService(rig.store);

    Optional<Page<Message>> own = messages.list(new ListConversationMessagesQuery(rig.bob, conversation,
        Optional.empty(), 1));
    Optional<Page<Message>> others = messages.list(new ListConversationMessagesQuery(rig.ana, conversation,
        Optional.empty(), 10));

    assertThat(own).hasValueSatisfying(p -> {
      assertThat(p.items()).singleElement().satisfies(m -> assertThat(m.content()).isEqualTo("Answer to one"));
      assertThat(p.hasMore()).isTrue();
    });
    assertThat(others).isEmpty();
  }

  @Test
  void givenMessagesInTwoConversations_listHistory_returnsThemAcrossConversations() {
    talk("one");
    talk("two");

    Page<Message> history = new ListMessageHistoryService(rig.store)
        .list(new ListMessageHistoryQuery(rig.bob, Optional.empty(), 100));

    assertThat(history.items()).hasSize(4);
    assertThat(new ListMessageHistoryService(rig.store)
        .list(new ListMessageHistoryQuery(rig.ana, Optional.empty(), 100)).items()).isEmpty();
  }
}
