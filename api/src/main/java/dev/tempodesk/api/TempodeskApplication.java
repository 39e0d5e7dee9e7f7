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

  public static void main(String[] args) {
    RuntimeSettings settings;
    try {
      settings = RuntimeSettings.from(System.getenv());
    } catch (InvalidSettingException e) {
      System.err.println("Tempodesk cannot start: " + e.getMessage());
      System.exit(2);
      return;
    }
    EmbeddedMode embedded = EmbeddedMode.start(settings);
    Runtime.getRuntime().addShutdownHook(new Thread(embedded::close, "embedded-shutdown"));
    embedded.summary().forEach(line -> System.out.println("Tempodesk: started " + line));
    run(embedded, args);
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
