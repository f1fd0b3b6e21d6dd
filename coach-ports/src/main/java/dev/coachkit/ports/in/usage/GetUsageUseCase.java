package dev.coachkit.ports.in.usage;

/** Driving port: reports tokens, audio seconds and cost for a user and period; another user's session sums to zero. */
public interface GetUsageUseCase {

  UsageReport get(GetUsageQuery query);
}
