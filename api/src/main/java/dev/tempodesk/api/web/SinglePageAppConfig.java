package dev.tempodesk.api.web;

import java.io.IOException;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.PathResourceResolver;

/**
 * Serves the web app (built into {@code static/} by the webapp module). A path that is no file and
 * no server endpoint is a client-side route such as {@code /tickets/1002}: it gets {@code
 * index.html}, so reloading a page works. Unknown {@code /api}, {@code /actuator} and {@code /v3}
 * paths stay 404s.
 */
@Configuration
class SinglePageAppConfig implements WebMvcConfigurer {
  private static final String[] SERVER_PREFIXES = {"api/", "actuator/", "v3/"};

  @Override
  public void addResourceHandlers(ResourceHandlerRegistry registry) {
    registry
        .addResourceHandler("/**")
        .addResourceLocations("classpath:/static/")
        .resourceChain(true)
        .addResolver(new IndexFallbackResolver());
  }

  private static final class IndexFallbackResolver extends PathResourceResolver {
    @Override
    protected Resource getResource(String path, Resource location) throws IOException {
      Resource file = location.createRelative(path);
      if (file.isReadable() && !path.isEmpty()) {
        return file;
      }
      if (isServerPath(path) || path.substring(path.lastIndexOf('/') + 1).contains(".")) {
        return null;
      }
      Resource index = new ClassPathResource("static/index.html");
      return index.isReadable() ? index : null;
    }

    private static boolean isServerPath(String path) {
      for (String prefix : SERVER_PREFIXES) {
        if (path.startsWith(prefix) || path.equals(prefix.substring(0, prefix.length() - 1))) {
          return true;
        }
      }
      return false;
    }
  }
}
