package dev.coachkit.server.checkin;

import dev.coachkit.ports.in.coaching.RunWeeklyCheckInsCommand;
import dev.coachkit.ports.in.coaching.RunWeeklyCheckInsUseCase;
import dev.coachkit.ports.in.coaching.WeeklyCheckInReport;
import io.quarkus.scheduler.Scheduled;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import org.jboss.logging.Logger;

/**
 * Runs the weekly check-in for the current week (Monday to Sunday in {@code coach.zone}) on the schedule
 * {@code coach.check-in.cron} (default Sunday 20:00; {@code off} disables it). Every instance may run it: the
 * domain claims each user's week first, so a user is summarised once however many instances run.
 */
@Singleton
public class WeeklyCheckInJob {

  private static final Logger LOG = Logger.getLogger(WeeklyCheckInJob.class);

  private final RunWeeklyCheckInsUseCase checkIns;
  private final Clock clock;

  WeeklyCheckInJob(RunWeeklyCheckInsUseCase checkIns, Clock clock) {
    this.checkIns = checkIns;
    this.clock = clock;
  }

  @Scheduled(identity = "weekly-check-in", cron = "${coach.check-in.cron:0 0 20 ? * SUN}",
      timeZone = "${coach.zone:UTC}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void scheduled() {
    run();
  }

  /** Runs the check-in for the week that contains today. */
  public WeeklyCheckInReport run() {
    LocalDate weekStart = LocalDate.now(clock).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    WeeklyCheckInReport report = checkIns.run(new RunWeeklyCheckInsCommand(weekStart));
    LOG.infof("weekly check-in %s: %d opted-in users, %d claimed here, %d summarised, %d with nothing to summarise,"
            + " %d plans regenerated, %d failures", weekStart, report.usersConsidered(), report.claimed(),
        report.summarized(), report.nothingToSummarize(), report.plansRegenerated(), report.failed());
    report.failures().forEach(f -> LOG.warnf("weekly check-in %s failed for %s: %s", weekStart, f.userId(),
        f.reason()));
    return report;
  }
}
