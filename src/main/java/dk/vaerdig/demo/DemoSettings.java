package dk.vaerdig.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param enabled whether to fill an empty database with demo data; unset means: only on the embedded database
 * @param candidates how many candidates to generate
 * @param meetingsPerYear roughly how many meetings a candidate has in a year
 * @param seed the random seed, so two runs give the same data
 * @param password the password of every demo login
 */
@ConfigurationProperties("vaerdig.demo")
public record DemoSettings(Boolean enabled, @DefaultValue("2000") int candidates,
		@DefaultValue("6") int meetingsPerYear, @DefaultValue("20261126") long seed, @DefaultValue("demo") String password) {
}
