package dev.tandem.planner.testing;

import dev.tandem.planner.ScalingPlan;
import dev.tandem.planner.ports.ScaleActuator;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A {@link ScaleActuator} that records every plan it is given and optionally passes it on (e.g. to
 * a fake cluster). {@link #failNextCall(RuntimeException)} makes the next call throw without
 * recording or passing on.
 */
public final class RecordingActuator implements ScaleActuator {

  private final List<ScalingPlan> applied = new ArrayList<>();
  private final Consumer<ScalingPlan> downstream;
  private RuntimeException failNext;

  public RecordingActuator() {
    this(plan -> {});
  }

  public RecordingActuator(Consumer<ScalingPlan> downstream) {
    this.downstream = downstream;
  }

  public RecordingActuator failNextCall(RuntimeException e) {
    failNext = e;
    return this;
  }

  public List<ScalingPlan> applied() {
    return List.copyOf(applied);
  }

  @Override
  public void apply(ScalingPlan plan) {
    if (failNext != null) {
      RuntimeException e = failNext;
      failNext = null;
      throw e;
    }
    applied.add(plan);
    downstream.accept(plan);
  }
}
