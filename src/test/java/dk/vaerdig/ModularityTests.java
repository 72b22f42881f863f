package dk.vaerdig;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** Verifies the module boundaries and writes the module documentation under docs/modules. */
class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(VaerdigApplication.class);

	@Test
	void modulesRespectTheirBoundaries() {
		modules.verify();
	}

	@Test
	void theModulesAreTheOnesTheDesignNames() {
		assertThat(modules.stream().map(m -> m.getIdentifier().toString()))
			.contains("platform", "access", "casework", "demo");
	}

	@Test
	void writesTheModuleDocumentation() {
		new Documenter(modules, Documenter.Options.defaults().withOutputFolder("docs/modules")).writeDocumentation()
			.writeAggregatingDocument();
		assertThat(Files.exists(Path.of("docs/modules/components.puml"))).isTrue();
	}
}
