package dk.vaerdig;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

/**
 * The whole application on the embedded PostgreSQL with the (small) demo municipality. All tests with this annotation
 * share one Spring context and one database, so each test makes the candidates it changes. The SQL statements of each
 * request are counted ({@link SqlStatements}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@Import(SqlStatements.Wiring.class)
public @interface IntegrationTest {
}
