package dev.tandem.service.console;

import java.time.Instant;

/**
 * A change of one role's count, with the planner's reasons as written in the plan.
 *
 * @param seq the {@link ConsolePoint#seq()} of the plan
 * @param at the plan's instant
 * @param role {@code prefill}, {@code decode} or {@code router}
 * @param mode {@code active} (written) or {@code advisory} (reported only; also while paused)
 * @param from the count the plan was made against
 * @param to the count decided
 * @param reason the reason code of {@code to}, e.g. {@code SLA_HEADROOM}
 * @param message the sentence for {@code to}
 * @param slaSized what the SLA needs at the forecast
 * @param slaReason why that many
 * @param predicted how the latency at {@code to} was predicted
 */
public record DecisionEntry(
    long seq,
    Instant at,
    String role,
    String mode,
    int from,
    int to,
    String reason,
    String message,
    int slaSized,
    String slaReason,
    String predicted) {}
