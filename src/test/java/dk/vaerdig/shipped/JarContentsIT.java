package dk.vaerdig.shipped;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Test;

/**
 * The built jar holds every file of {@code src/main/resources}: templates, messages, migrations, static files, and
 * the compiled jte pages of {@code src/main/jte}. The
 * tests before {@code package} run from {@code target/classes}, so a file the jar plugin leaves out (as it did every
 * {@code package.html}) would pass them and fail in production.
 */
class JarContentsIT {

	static final String CLASSES = "BOOT-INF/classes/";

	@Test
	void theJarHoldsEveryResourceFile() throws IOException {
		Path resources = Path.of(System.getProperty("vaerdig.resources", "src/main/resources"));
		Set<String> expected;
		try (Stream<Path> files = Files.walk(resources)) {
			expected = files.filter(Files::isRegularFile)
				.map(f -> resources.relativize(f).toString().replace('\\', '/'))
				.collect(Collectors.toCollection(TreeSet::new));
		}
		assertThat(expected).as("resource files in " + resources).anyMatch(f -> f.startsWith("templates/"));
		Set<String> inJar;
		try (ZipFile jar = new ZipFile(ShippedJar.find().toFile())) {
			inJar = jar.stream().map(ZipEntry::getName).filter(n -> n.startsWith(CLASSES) && !n.endsWith("/"))
				.map(n -> n.substring(CLASSES.length()))
				.collect(Collectors.toSet());
		}
		Set<String> missing = new TreeSet<>(expected);
		missing.removeAll(inJar);
		assertThat(missing).as("files of src/main/resources missing from the jar").isEmpty();
	}

	/** Each jte page of {@code src/main/jte} is in the jar as the class jte made of it (see JteViews). */
	@Test
	void theJarHoldsEveryJtePageCompiled() throws IOException {
		Path jte = Path.of(System.getProperty("vaerdig.resources", "src/main/resources")).resolveSibling("jte");
		Set<String> expected;
		try (Stream<Path> files = Files.walk(jte)) {
			expected = files.filter(f -> f.toString().endsWith(".jte")).map(f -> {
				String page = jte.relativize(f).toString().replace('\\', '/');
				int slash = page.lastIndexOf('/');
				return "dk/vaerdig/" + page.substring(0, slash + 1) + "Jte"
						+ page.substring(slash + 1).replace(".jte", "") + "Generated.class";
			}).collect(Collectors.toCollection(TreeSet::new));
		}
		assertThat(expected).as("jte pages in " + jte).contains("dk/vaerdig/casework/web/JtecaseGenerated.class");
		Set<String> inJar;
		try (ZipFile jar = new ZipFile(ShippedJar.find().toFile())) {
			inJar = jar.stream().map(ZipEntry::getName).filter(n -> n.startsWith(CLASSES))
				.map(n -> n.substring(CLASSES.length()))
				.collect(Collectors.toSet());
		}
		Set<String> missing = new TreeSet<>(expected);
		missing.removeAll(inJar);
		assertThat(missing).as("jte pages missing from the jar").isEmpty();
	}
}
