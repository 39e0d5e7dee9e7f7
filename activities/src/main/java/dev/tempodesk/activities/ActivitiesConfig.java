package dev.tempodesk.activities;

import dev.tempodesk.db.DbConfig;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** Imported by the app: the activity implementations the worker registers. */
@Configuration
@ComponentScan
@Import(DbConfig.class)
public class ActivitiesConfig {}
