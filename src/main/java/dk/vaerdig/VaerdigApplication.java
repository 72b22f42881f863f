package dk.vaerdig;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Værdig: dignified case handling for Danish job centres, as one modular monolith.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class VaerdigApplication {

	public static void main(String[] args) {
		SpringApplication.run(VaerdigApplication.class, args);
	}
}
