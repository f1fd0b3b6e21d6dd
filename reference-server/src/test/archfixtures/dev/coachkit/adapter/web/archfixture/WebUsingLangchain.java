package dev.coachkit.adapter.web.archfixture;

import dev.langchain4j.model.chat.ChatModel;

/** Breaks rule 8: LangChain4j used outside the OpenAI adapter. */
public final class WebUsingLangchain {
  public String ask(ChatModel model) {
    return model.chat("hi");
  }
}
