package dev.tempodesk.api;

import dev.tempodesk.activities.ActivitiesConfig;
import dev.tempodesk.api.config.InvalidSettingException;
import dev.tempodesk.api.config.RuntimeSettings;
import dev.tempodesk.api.config.TempodeskProperties;
import dev.tempodesk.api.embedded.EmbeddedMode;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

@SpringBootApplication
@Import(ActivitiesConfig.class)
@EnableConfigurationProperties(TempodeskProperties.class)
public class TempodeskApplication {

  /** Exit status of a start that failed after the settings were read. */
  static final int START_FAILED = 1;

  /** Exit status when a setting is present but unusable. */
  static final int INVALID_SETTING = 2;

  /**
   * Starts Tempodesk, or exits with a non-zero status. Exiting explicitly matters: the in-process
   * Temporal server's threads are not daemons, so after a failed start the JVM would otherwise stay
   * up doing nothing, and a supervisor (systemd, Docker's restart policy) would never restart it.
   */
  public static void main(String[] args) {
    RuntimeSettings settings;
    try {
      settings = RuntimeSettings.from(System.getenv());
    } catch (InvalidSettingException e) {
      System.err.println("Tempodesk cannot start: " + e.getMessage());
      System.exit(INVALID_SETTING);
      return;
    }
    try {
      EmbeddedMode embedded = EmbeddedMode.start(settings);
      Runtime.getRuntime().addShutdownHook(new Thread(embedded::close, "embedded-shutdown"));
      embedded.summary().forEach(line -> System.out.println("Tempodesk: started " + line));
      run(embedded, args);
    } catch (Throwable failure) {
      System.err.println("Tempodesk cannot start: " + reason(failure));
      System.exit(invalidSetting(failure) ? INVALID_SETTING : START_FAILED);
    }
  }

  private static boolean invalidSetting(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof InvalidSettingException) {
        return true;
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return false;
  }

  /** The innermost message of the failure chain: the part that names the problem. */
  static String reason(Throwable failure) {
    String reason = failure.toString();
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof InvalidSettingException invalid) {
        return invalid.getMessage();
      }
      if (cause.getMessage() != null && !cause.getMessage().isBlank()) {
        reason = cause.getMessage();
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return reason;
  }

  /** Starts the app on top of what {@link EmbeddedMode} started (also used by end-to-end tests). */
  public static ConfigurableApplicationContext run(EmbeddedMode embedded, String... args) {
    SpringApplication app = new SpringApplication(TempodeskApplication.class);
    app.setDefaultProperties(embedded.springProperties());
    embedded
        .demoMailbox()
        .ifPresent(
            mailbox ->
                app.addInitializers(
                    context -> context.getBeanFactory().registerSingleton("demoMailbox", mailbox)));
    return app.run(args);
  }
}
