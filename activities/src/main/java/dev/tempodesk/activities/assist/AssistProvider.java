package dev.tempodesk.activities.assist;

import java.util.Objects;
import java.util.Optional;

/**
 * The configured model, or none: the one Spring bean of assist, always present. Without {@code
 * TEMPODESK_ASSIST_URL} it is {@link #off()}: {@link #model()} is empty and nothing calls out.
 * Whether a team switched assist off at run time is a separate, stored setting.
 */
public final class AssistProvider {

  private static final AssistProvider OFF = new AssistProvider(null, null);

  private final AssistModel model;
  private final String modelName;

  private AssistProvider(AssistModel model, String modelName) {
    this.model = model;
    this.modelName = modelName;
  }

  public static AssistProvider off() {
    return OFF;
  }

  /**
   * @param modelName the configured model's name (TEMPODESK_ASSIST_MODEL), shown to admins
   */
  public static AssistProvider of(AssistModel model, String modelName) {
    return new AssistProvider(
        Objects.requireNonNull(model, "model"), Objects.requireNonNull(modelName, "modelName"));
  }

  /** Whether a provider is configured. */
  public boolean configured() {
    return model != null;
  }

  /** The model to call; empty when no provider is configured. */
  public Optional<AssistModel> model() {
    return Optional.ofNullable(model);
  }

  /** The configured model's name; empty when no provider is configured. */
  public Optional<String> modelName() {
    return Optional.ofNullable(modelName);
  }

  @Override
  public String toString() {
    return configured() ? "AssistProvider[" + modelName + "]" : "AssistProvider[off]";
  }
}
