package dev.tandem.planner;

import dev.tandem.profiles.capacity.ProfileCapacity;
import dev.tandem.profiles.model.DecodePoint;
import dev.tandem.profiles.model.PrefillPoint;
import java.util.List;

/**
 * Says when a sizing rests on lengths beyond what the profile measured. The profile queries
 * extrapolate TTFT linearly from the last two ISL points and ITL linearly in context from the last
 * two measured contexts (see profiles/PROFILE_FORMAT.md); both are educated guesses, and a reason
 * that does not say so would present a guess as a measurement.
 */
final class MeasuredRange {

  private MeasuredRange() {}

  /** Empty, or a clause naming the ISL beyond the largest measured prompt and how TTFT was had. */
  static String prefill(ProfileCapacity profile, double largestComputedIsl) {
    List<PrefillPoint> points = profile.profile().prefill();
    int measured = points.get(points.size() - 1).inputTokens();
    if (largestComputedIsl <= measured) {
      return "";
    }
    return Format.f(
        "; beyond the profile: ISL up to %s extrapolated above the largest measured %s (TTFT"
            + " linear in ISL past the last two points)",
        Format.num(largestComputedIsl), Format.num(measured));
  }

  /** Empty, or a clause naming the context beyond the largest measured one. */
  static String decode(ProfileCapacity profile, double context) {
    double measured =
        profile.profile().decode().stream().mapToDouble(DecodePoint::contextTokens).max().orElse(0);
    if (context <= measured) {
      return "";
    }
    return Format.f(
        "; beyond the profile: context %s above the largest measured %s (ITL linear in"
            + " context past the last two measured contexts)",
        Format.num(context), Format.num(measured));
  }
}
