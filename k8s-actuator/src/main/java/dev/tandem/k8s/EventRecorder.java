package dev.tandem.k8s;

import dev.tandem.k8s.targets.ObjectRef;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Records a core/v1 Event on a target, so {@code kubectl describe} shows why Tandem wrote (the
 * plan's reason) or refused. Timestamps are the plan's instant, not a clock reading. A failed Event
 * is logged and never fails the write it describes.
 */
final class EventRecorder {

  static final String COMPONENT = "tandem";
  private static final System.Logger LOG = System.getLogger(EventRecorder.class.getName());
  private static final int MAX_MESSAGE = 1024;

  private final KubernetesClient client;
  private final AtomicLong sequence = new AtomicLong();

  EventRecorder(KubernetesClient client) {
    this.client = client;
  }

  void record(
      ObjectRef ref,
      GenericKubernetesResource live,
      String type,
      String reason,
      String message,
      Instant at) {
    String text = message.length() > MAX_MESSAGE ? message.substring(0, MAX_MESSAGE) : message;
    Event event =
        new EventBuilder()
            .withNewMetadata()
            .withName(
                ref.name()
                    + "."
                    + Long.toHexString(at.toEpochMilli())
                    + Long.toHexString(sequence.incrementAndGet()))
            .withNamespace(ref.namespace())
            .endMetadata()
            .withNewInvolvedObject()
            .withApiVersion(ref.apiVersion())
            .withKind(ref.kind())
            .withName(ref.name())
            .withNamespace(ref.namespace())
            .withUid(live.getMetadata().getUid())
            .withResourceVersion(live.getMetadata().getResourceVersion())
            .endInvolvedObject()
            .withType(type)
            .withReason(reason)
            .withMessage(text)
            .withNewSource()
            .withComponent(COMPONENT)
            .endSource()
            .withReportingComponent(COMPONENT)
            .withFirstTimestamp(at.toString())
            .withLastTimestamp(at.toString())
            .withCount(1)
            .build();
    try {
      client.v1().events().inNamespace(ref.namespace()).resource(event).create();
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "could not record an Event on " + ref + ": " + e);
    }
  }
}
