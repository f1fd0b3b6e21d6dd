package dev.coachkit.server.wiring;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The thread pools the domain runs on: streamed chat turns (each blocks a thread while the model answers), live
 * voice calls (each runs one task at a time), and the voice timers. Kept out of CDI's own executor beans so that
 * no Quarkus extension picks them up by type; shut down with the application.
 */
@Singleton
public class ServerExecutors {
  private final ExecutorService chatTurns;
  private final ExecutorService voiceCalls;
  private final ScheduledExecutorService voiceTimers;

  ServerExecutors(CoachSettingsConfig.Chat chat, CoachSettingsConfig.Voice voice) {
    this.chatTurns = Executors.newFixedThreadPool(chat.streamThreads(), daemonThreads("coach-chat-turn"));
    this.voiceCalls = Executors.newFixedThreadPool(voice.threads(), daemonThreads("coach-voice-call"));
    this.voiceTimers = Executors.newScheduledThreadPool(1, daemonThreads("coach-voice-timer"));
  }

  ExecutorService chatTurns() {
    return chatTurns;
  }

  ExecutorService voiceCalls() {
    return voiceCalls;
  }

  ScheduledExecutorService voiceTimers() {
    return voiceTimers;
  }

  @PreDestroy
  void shutdown() {
    chatTurns.shutdownNow();
    voiceCalls.shutdownNow();
    voiceTimers.shutdownNow();
  }

  private static ThreadFactory daemonThreads(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
