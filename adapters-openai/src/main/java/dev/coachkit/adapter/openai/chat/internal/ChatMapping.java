package dev.coachkit.adapter.openai.chat.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.util.RawValue;
import dev.coachkit.adapter.openai.OpenAiConfig.ProviderKind;
import dev.coachkit.ports.model.conversation.ToolCall;
import dev.coachkit.ports.model.json.Json;
import dev.coachkit.ports.model.json.JsonString;
import dev.coachkit.ports.model.json.JsonValue;
import dev.coachkit.ports.model.model.FinishReason;
import dev.coachkit.ports.model.model.ModelMessage;
import dev.coachkit.ports.model.model.ModelReply;
import dev.coachkit.ports.model.model.ModelRequest;
import dev.coachkit.ports.model.model.ResponseSchema;
import dev.coachkit.ports.model.model.TokenUsage;
import dev.coachkit.ports.model.model.ToolSpec;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.openai.OpenAiChatRequestParameters;
import dev.langchain4j.model.openai.OpenAiTokenUsage;
import dev.langchain4j.model.openai.internal.OpenAiUtils;
import dev.langchain4j.model.openai.internal.chat.Tool;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Port requests into LangChain4j chat requests, and LangChain4j responses into port replies. */
final class ChatMapping {

  /**
   * Converted tools, keyed by the port's tool spec and the strict flag: the LangChain4j specification and the JSON
   * LangChain4j makes of it for the request. The domain offers the same few tools on every turn; converting one
   * per request was per-turn work with the same result each time. Bounded: a caller with ever-new tools empties it
   * rather than grows it.
   *
   * <p>Looked up by the tool spec instance first: the domain's tools hold their spec in a field, so every turn
   * offers the same instances, and an identity lookup skips hashing and comparing the whole schema (a record's
   * hashCode walks every member of its JSON schema; that walk was 3.6 % of a chat turn's worker-thread samples).
   * An equal spec in another instance still finds the conversion by value.
   *
   * <p>Why the JSON too: LangChain4j converts every tool specification into its request form on every request
   * (each property schema parsed from its JSON text into maps) and then writes the maps out again; in session 7's
   * profile of the chat benchmark that was 6.6 % of all the JVM's samples for the conversion alone, plus most of
   * the request's JSON writing (11.6 %). So the tools are rendered once, by LangChain4j's own converter
   * ({@code OpenAiUtils.toTools}, in its internal package: an upgrade that changes it fails to compile here, and
   * {@code ChatMappingTest} compares the result with what LangChain4j sends for the same tools), and every request
   * carries the rendered array as its {@code tools} member (a raw custom parameter, written verbatim).
   */
  private static final int MAX_CACHED_TOOLS = 256;
  private static final Map<CachedTool, RenderedTool> TOOLS = new ConcurrentHashMap<>();
  private static final Map<SameTool, RenderedTool> TOOLS_BY_INSTANCE = new ConcurrentHashMap<>();
  /** Writes LangChain4j's request classes as its own client does (their annotations name and omit members). */
  private static final ObjectMapper TOOL_WRITER = new ObjectMapper();

  /** A tool converted: the LangChain4j specification, and its JSON as a member of a request's {@code tools}. */
  private record RenderedTool(ToolSpecification specification, String json) {
  }

  private record CachedTool(ToolSpec tool, boolean strict) {
  }

  /** A cache key that is equal only for the very same tool spec instance (and strict flag). */
  private record SameTool(ToolSpec tool, boolean strict) {
    @Override
    public boolean equals(Object other) {
      return other instanceof SameTool that && that.tool == tool && that.strict == strict;
    }

    @Override
    public int hashCode() {
      return 31 * System.identityHashCode(tool) + Boolean.hashCode(strict);
    }
  }

  private ChatMapping() {
  }

  /**
   * The LangChain4j request for one provider. OpenAI and Azure get {@code max_completion_tokens} (the reasoning
   * models refuse {@code max_tokens}); OpenAI-compatible servers get the older {@code max_tokens} they all know.
   */
  static ChatRequest toChatRequest(ModelRequest request, ProviderSettings provider, boolean strictTools) {
    List<ChatMessage> messages = new ArrayList<>();
    if (!request.instructions().isBlank()) {
      messages.add(SystemMessage.from(request.instructions()));
    }
    for (ModelMessage message : request.history()) {
      messages.add(toChatMessage(message));
    }
    OpenAiChatRequestParameters.Builder parameters = OpenAiChatRequestParameters.builder()
        .modelName(provider.model());
    if (provider.kind() == ProviderKind.COMPATIBLE) {
      parameters.maxOutputTokens(request.maxOutputTokens());
    } else {
      parameters.maxCompletionTokens(request.maxOutputTokens());
    }
    if (!request.tools().isEmpty()) {
      parameters.customParameters(Map.of("tools", new RawValue(toolsJson(request.tools(), strictTools))));
    }
    request.responseSchema().ifPresent(schema -> parameters.responseFormat(toResponseFormat(schema)));
    return ChatRequest.builder().messages(messages).parameters(parameters.build()).build();
  }

  private static ChatMessage toChatMessage(ModelMessage message) {
    if (message instanceof ModelMessage.SystemText system) {
      return SystemMessage.from(system.text());
    }
    if (message instanceof ModelMessage.UserText user) {
      return UserMessage.from(user.text());
    }
    if (message instanceof ModelMessage.AssistantText assistant) {
      if (assistant.toolCalls().isEmpty()) {
        return AiMessage.from(assistant.text());
      }
      List<ToolExecutionRequest> calls = assistant.toolCalls().stream().map(ChatMapping::toRequest).toList();
      return AiMessage.builder()
          .text(assistant.text().isEmpty() ? null : assistant.text())
          .toolExecutionRequests(calls)
          .build();
    }
    ModelMessage.ToolOutput output = (ModelMessage.ToolOutput) message;
    return ToolExecutionResultMessage.from(output.callId(), output.name(), output.content());
  }

  private static ToolExecutionRequest toRequest(ToolCall call) {
    // Arguments that were not valid JSON arrive as a JsonString of the raw text: send back what the model sent.
    String arguments = call.arguments() instanceof JsonString raw ? raw.value() : Json.write(call.arguments());
    return ToolExecutionRequest.builder().id(call.callId()).name(call.name()).arguments(arguments).build();
  }

  static ToolSpecification toToolSpecification(ToolSpec tool, boolean strictTools) {
    return rendered(tool, strictTools).specification();
  }

  /** The request's {@code tools} array, as LangChain4j would write it for these tools. */
  static String toolsJson(List<ToolSpec> tools, boolean strictTools) {
    StringBuilder json = new StringBuilder(4096).append('[');
    for (int i = 0; i < tools.size(); i++) {
      if (i > 0) {
        json.append(',');
      }
      json.append(rendered(tools.get(i), strictTools).json());
    }
    return json.append(']').toString();
  }

  private static RenderedTool rendered(ToolSpec tool, boolean strictTools) {
    SameTool instance = new SameTool(tool, strictTools);
    RenderedTool cached = TOOLS_BY_INSTANCE.get(instance);
    if (cached != null) {
      return cached;
    }
    CachedTool key = new CachedTool(tool, strictTools);
    cached = TOOLS.get(key);
    if (cached == null) {
      if (TOOLS.size() >= MAX_CACHED_TOOLS) {
        TOOLS.clear();
      }
      cached = render(convert(tool, strictTools));
      TOOLS.put(key, cached);
    }
    if (TOOLS_BY_INSTANCE.size() >= MAX_CACHED_TOOLS) {
      TOOLS_BY_INSTANCE.clear();
    }
    TOOLS_BY_INSTANCE.put(instance, cached);
    return cached;
  }

  private static RenderedTool render(ToolSpecification specification) {
    // false: the models are built with strictTools(false); a tool is strict when its specification says so.
    Tool tool = OpenAiUtils.toTools(List.of(specification), false).get(0);
    try {
      return new RenderedTool(specification, TOOL_WRITER.writeValueAsString(tool));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("tool " + specification.name() + " cannot be written as JSON", e);
    }
  }

  private static ToolSpecification convert(ToolSpec tool, boolean strictTools) {
    return ToolSpecification.builder()
        .name(tool.name())
        .description(tool.description())
        .parameters(SchemaMapping.toolParameters(tool.parametersSchema()))
        .strict(strictTools && SchemaMapping.isStrictCompatible(tool.parametersSchema()))
        .build();
  }

  private static ResponseFormat toResponseFormat(ResponseSchema schema) {
    return ResponseFormat.builder()
        .type(ResponseFormatType.JSON)
        .jsonSchema(JsonSchema.builder().name(schema.name()).rootElement(SchemaMapping.raw(schema.schema())).build())
        .build();
  }

  /** The port reply; the model is the one the provider reports, else the configured one. */
  static ModelReply toReply(ChatResponse response, ProviderSettings provider) {
    AiMessage message = response.aiMessage();
    List<ToolCall> calls = new ArrayList<>();
    if (message.hasToolExecutionRequests()) {
      for (ToolExecutionRequest request : message.toolExecutionRequests()) {
        calls.add(toToolCall(request));
      }
    }
    String model = response.metadata() == null || response.metadata().modelName() == null
        || response.metadata().modelName().isBlank() ? provider.model() : response.metadata().modelName();
    if (model.length() > 128) {
      model = model.substring(0, 128);
    }
    return new ModelReply(message.text() == null ? "" : message.text(), calls, usage(response), provider.name(),
        model, finishReason(response, !calls.isEmpty()));
  }

  /** A tool call; arguments that are not JSON are kept as a JsonString of the raw text (see {@link ToolCall}). */
  static ToolCall toToolCall(ToolExecutionRequest request) {
    String raw = request.arguments() == null || request.arguments().isBlank() ? "{}" : request.arguments();
    JsonValue arguments;
    try {
      arguments = Json.parse(raw);
    } catch (IllegalArgumentException notJson) {
      arguments = JsonString.of(raw);
    }
    return new ToolCall(request.id(), request.name(), arguments);
  }

  private static TokenUsage usage(ChatResponse response) {
    if (response.metadata() == null || response.metadata().tokenUsage() == null) {
      return TokenUsage.ZERO;
    }
    dev.langchain4j.model.output.TokenUsage usage = response.metadata().tokenUsage();
    long input = usage.inputTokenCount() == null ? 0 : Math.max(0, usage.inputTokenCount());
    long output = usage.outputTokenCount() == null ? 0 : Math.max(0, usage.outputTokenCount());
    long cached = 0;
    if (usage instanceof OpenAiTokenUsage openAi && openAi.inputTokensDetails() != null
        && openAi.inputTokensDetails().cachedTokens() != null) {
      cached = Math.min(input, Math.max(0, openAi.inputTokensDetails().cachedTokens()));
    }
    return TokenUsage.text(input, cached, output);
  }

  private static FinishReason finishReason(ChatResponse response, boolean hasToolCalls) {
    dev.langchain4j.model.output.FinishReason reason =
        response.metadata() == null ? null : response.metadata().finishReason();
    if (reason == null) {
      return hasToolCalls ? FinishReason.TOOL_CALLS : FinishReason.OTHER;
    }
    return switch (reason) {
      case STOP -> hasToolCalls ? FinishReason.TOOL_CALLS : FinishReason.STOP;
      case LENGTH -> FinishReason.LENGTH;
      case TOOL_EXECUTION -> FinishReason.TOOL_CALLS;
      case CONTENT_FILTER -> FinishReason.CONTENT_FILTER;
      default -> FinishReason.OTHER;
    };
  }
}
