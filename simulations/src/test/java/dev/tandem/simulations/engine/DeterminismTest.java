package dev.tandem.simulations.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.simulations.TestProfiles;
import dev.tandem.simulations.report.ReportCsv;
import dev.tandem.simulations.report.ReportJson;
import dev.tandem.simulations.report.SimulationReport;
import dev.tandem.simulations.scenario.BuiltInScenarios;
import dev.tandem.simulations.scenario.Scenario;
import dev.tandem.simulations.scenario.ScenarioRunner;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The same inputs give byte-identical CSV and JSON; another seed gives another run. */
class DeterminismTest {

  @Test
  void twoRunsOfTheSameScenarioWriteIdenticalBytes() {
    assertThat(bytes(7)).isEqualTo(bytes(7));
  }

  @Test
  void anotherSeedChangesTheOutput() {
    assertThat(bytes(7)).isNotEqualTo(bytes(8));
  }

  private static byte[] bytes(long seed) {
    Scenario scenario = BuiltInScenarios.dynamoSinusoid(TestProfiles.h200(), seed);
    List<SimulationReport> reports =
        ScenarioRunner.runAll(scenario).stream().map(ScenarioRunner.TimedReport::report).toList();
    StringWriter w = new StringWriter();
    ReportCsv.writeSummary(reports.stream().map(SimulationReport::summary).toList(), w);
    ReportJson.writeSummary(reports.stream().map(SimulationReport::summary).toList(), w);
    for (SimulationReport r : reports) {
      ReportCsv.writeSeries(r.series(), w);
      ReportJson.writeSeries(r.series(), w);
    }
    return w.toString().getBytes(StandardCharsets.UTF_8);
  }
}
