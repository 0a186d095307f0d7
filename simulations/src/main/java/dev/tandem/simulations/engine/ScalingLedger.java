package dev.tandem.simulations.engine;

/** Counts of scaling decisions and engine changes in a run. */
final class ScalingLedger {

  long actions;
  long requested;
  long removed;

  void action() {
    actions++;
  }

  void requested() {
    requested++;
  }

  void removed(int count) {
    removed += count;
  }
}
