package dev.tempodesk.db;

import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/** Imported by the app: the query repositories of the read model. */
@Configuration
@ComponentScan
public class DbConfig {}
