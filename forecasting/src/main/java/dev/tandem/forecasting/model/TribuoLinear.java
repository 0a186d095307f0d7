package dev.tandem.forecasting.model;

import dev.tandem.forecasting.ForecastSettings;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.MutableDataset;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.sgd.linear.LinearSGDModel;
import org.tribuo.regression.sgd.linear.LinearSGDTrainer;
import org.tribuo.regression.sgd.objectives.Huber;

/**
 * A direct multi-horizon linear regressor trained with Tribuo's SGD (Huber loss, AdaGrad, seeded).
 * For every origin t of the history and step h ≤ H it learns the change
 *
 * <pre>(y_{t+h} − y_t)/c = w_h · f_t + b_h</pre>
 *
 * where c is the mean of the history and f_t holds the lag differences (y_t − y_{t−k})/c for k =
 * 1…6, the distance to rolling means (y_t − mean_w)/c for w = 6 and 24, the level y_t/c, and the
 * calendar (sin, cos of the time of day and of the day of week at t). One Tribuo model with H
 * output dimensions is trained at each refit; its weights are copied out so a forecast is H dot
 * products (no Tribuo call on the tick path). Before the first fit it forecasts the last value.
 */
public final class TribuoLinear extends AbstractModel {

  private static final int LAGS = 6;
  private static final int[] WINDOWS = {6, 24};
  private static final int FEATURES = LAGS + WINDOWS.length + 1 + 4;
  private static final int MEMORY = 25;
  private final ForecastSettings settings;
  private final int horizon;
  private final double[] recent = new double[MEMORY];
  private int recentCount;
  private long ticks;
  private double scale = Double.NaN;
  private double[][] weights;

  /**
   * Tribuo logs every training run at INFO; one line per refit per series would flood the logs. A
   * strong reference keeps the configured logger from being collected.
   */
  private static final java.util.logging.Logger TRIBUO_SGD_LOG =
      java.util.logging.Logger.getLogger("org.tribuo.common.sgd.AbstractSGDTrainer");

  static {
    TRIBUO_SGD_LOG.setLevel(java.util.logging.Level.WARNING);
  }

  public TribuoLinear(ForecastSettings settings) {
    this.settings = settings;
    this.horizon = settings.maxHorizon();
  }

  @Override
  public String name() {
    return "tribuo-linear";
  }

  @Override
  protected void update(double y) {
    System.arraycopy(recent, 0, recent, 1, MEMORY - 1);
    recent[0] = y;
    recentCount = Math.min(MEMORY, recentCount + 1);
    ticks++;
  }

  @Override
  protected void skip() {
    ticks++;
  }

  /** Features at the origin whose values are v[0] (latest), v[1], …; null if too short. */
  private double[] features(double[] v, int available, long tick, double c) {
    if (available < MEMORY) {
      return null;
    }
    double[] f = new double[FEATURES];
    int i = 0;
    for (int k = 1; k <= LAGS; k++) {
      f[i++] = (v[0] - v[k]) / c;
    }
    for (int w : WINDOWS) {
      double mean = 0;
      for (int k = 0; k < w; k++) {
        mean += v[k];
      }
      f[i++] = (v[0] - mean / w) / c;
    }
    f[i++] = v[0] / c;
    double seconds = settings.phaseSeconds() + tick * settings.stepSeconds();
    double day = 2 * Math.PI * (seconds % 86_400) / 86_400;
    double week = 2 * Math.PI * (seconds % 604_800) / 604_800;
    f[i++] = Math.sin(day);
    f[i++] = Math.cos(day);
    f[i++] = Math.sin(week);
    f[i] = Math.cos(week);
    return f;
  }

  @Override
  public void forecast(double[] path) {
    if (recentCount == 0) {
      fill(path, Double.NaN);
      return;
    }
    double[] f = weights == null ? null : features(recent, recentCount, ticks - 1, scale);
    for (int h = 1; h <= path.length; h++) {
      double change = 0;
      if (f != null && h <= weights.length) {
        double[] w = weights[h - 1];
        change = w[FEATURES];
        for (int j = 0; j < FEATURES; j++) {
          change += w[j] * f[j];
        }
      }
      path[h - 1] = recent[0] + scale(change);
    }
  }

  private double scale(double change) {
    return Double.isNaN(scale) ? 0 : change * scale;
  }

  @Override
  public void refit(double[] history) {
    double[] y = Fit.interpolated(history);
    double c = Fit.mean(history);
    if (Fit.finiteCount(history) < MEMORY + horizon + 20 || !(c > 0)) {
      return;
    }
    String[] names = new String[FEATURES];
    for (int j = 0; j < FEATURES; j++) {
      names[j] = String.format("f%02d", j);
    }
    String[] outputs = new String[horizon];
    for (int h = 1; h <= horizon; h++) {
      outputs[h - 1] = String.format("h%03d", h);
    }
    RegressionFactory factory = new RegressionFactory();
    MutableDataset<Regressor> data =
        new MutableDataset<>(
            new SimpleDataSourceProvenance(
                "history", OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC), factory),
            factory);
    long firstTick = ticks - history.length;
    double[] window = new double[MEMORY];
    for (int t = MEMORY - 1; t + horizon < y.length; t++) {
      if (Double.isNaN(history[t])) {
        continue;
      }
      for (int k = 0; k < MEMORY; k++) {
        window[k] = y[t - k];
      }
      double[] f = features(window, MEMORY, firstTick + t, c);
      double[] target = new double[horizon];
      for (int h = 1; h <= horizon; h++) {
        target[h - 1] = (y[t + h] - y[t]) / c;
      }
      data.add(new ArrayExample<>(new Regressor(outputs, target), names, f));
    }
    LinearSGDTrainer trainer =
        new LinearSGDTrainer(
            new Huber(), new AdaGrad(0.05, 0.1), 5, Integer.MAX_VALUE, settings.seed());
    LinearSGDModel model = trainer.train(data);
    DenseMatrix w = model.getWeightsCopy();
    ImmutableFeatureMap features = model.getFeatureIDMap();
    double[][] out = new double[horizon][FEATURES + 1];
    for (int row = 0; row < horizon; row++) {
      String dimension = model.getOutputIDInfo().getOutput(row).getNames()[0];
      int h = Integer.parseInt(dimension.substring(1));
      for (int j = 0; j < FEATURES; j++) {
        int id = features.getID(names[j]);
        out[h - 1][j] = id < 0 ? 0 : w.get(row, id);
      }
      out[h - 1][FEATURES] = w.get(row, w.getDimension2Size() - 1);
    }
    weights = out;
    scale = c;
  }

  @Override
  public double[] save() {
    double[] s = new double[4 + MEMORY + horizon * (FEATURES + 1)];
    s[0] = recentCount;
    s[1] = ticks;
    s[2] = scale;
    s[3] = weights == null ? 0 : 1;
    System.arraycopy(recent, 0, s, 4, MEMORY);
    if (weights != null) {
      for (int h = 0; h < horizon; h++) {
        System.arraycopy(weights[h], 0, s, 4 + MEMORY + h * (FEATURES + 1), FEATURES + 1);
      }
    }
    return s;
  }

  @Override
  public void restore(double[] s) {
    recentCount = (int) s[0];
    ticks = (long) s[1];
    scale = s[2];
    System.arraycopy(s, 4, recent, 0, MEMORY);
    weights = null;
    if (s[3] != 0) {
      weights = new double[horizon][];
      for (int h = 0; h < horizon; h++) {
        int from = 4 + MEMORY + h * (FEATURES + 1);
        weights[h] = Arrays.copyOfRange(s, from, from + FEATURES + 1);
      }
    }
  }
}
