package dev.tempodesk.bench.list;

import dev.tempodesk.api.HttpApi;
import dev.tempodesk.api.TempodeskApplication;
import dev.tempodesk.api.TestAccounts;
import dev.tempodesk.db.testing.TestDatabases;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The real Spring Boot app over B2's database, as the api's integration tests start it (test
 * profile: in-memory Temporal, no auto-assignment), on a free port. One bean is left out: the
 * start-up reconciler would re-create a workflow for each of the ~100,000 live tickets, which the
 * in-memory server forgot, before the app answers; a real server still has them, and the list never
 * touches a workflow. B7 (bulk actions) and B8 (live streams) start it over a fresh database.
 */
public final class ListApp implements AutoCloseable {
  private final ConfigurableApplicationContext context;

  public ListApp(TestDatabases.TestDatabase database) {
    context =
        new SpringApplicationBuilder(TempodeskApplication.class)
            .profiles("test")
            .initializers(
                app ->
                    ((BeanDefinitionRegistry) app.getBeanFactory())
                        .registerBeanDefinition(
                            "benchWithoutReconciler",
                            new RootBeanDefinition(WithoutReconciler.class)))
            .run(
                "--server.port=0",
                "--spring.datasource.url=" + database.jdbcUrl(),
                "--spring.datasource.username=postgres",
                "--logging.level.root=warn");
  }

  /**
   * Unordered, so Spring runs it after the component scan that registered the reconciler (a post
   * processor added to the context directly would run before).
   */
  static final class WithoutReconciler implements BeanDefinitionRegistryPostProcessor {
    @Override
    public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
      registry.removeBeanDefinition("ticketReconciler");
    }
  }

  public int port() {
    return ((WebServerApplicationContext) context).getWebServer().getPort();
  }

  /** Creates people who can sign in (agents, portal customers) in the app's database. */
  public TestAccounts accounts() {
    return TestAccounts.of(context);
  }

  /** {@code count} agents (role AGENT), each signed in with a session of their own. */
  public List<HttpApi> signedInAgents(int count) {
    TestAccounts accounts = accounts();
    List<HttpApi> agents = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      agents.add(TestAccounts.signIn(port(), accounts.agent("AGENT").getEmail()));
    }
    return agents;
  }

  @Override
  public void close() {
    context.close();
  }
}
