package dk.vaerdig.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The product's words (DESIGN.md, glossary): the people the job centre works with are candidates, "kandidater", in
 * every Danish text staff and candidates read; "borger" is not used for them (borger.dk, the national portal, is a
 * name).
 */
class WordsTest {

	private static final Pattern BORGER = Pattern.compile("(?iU)\\bborger(?!\\.dk)");

	@Test
	void noDanishTextCallsTheCandidateABorger() throws IOException {
		List<String> found = new ArrayList<>();
		for (Path bundle : I18nPropertiesSyncTest.danishBundles()) {
			Properties p = I18nPropertiesSyncTest.load(bundle);
			for (String key : p.stringPropertyNames()) {
				if (BORGER.matcher(p.getProperty(key)).find()) {
					found.add(bundle.getFileName() + ": " + key + "=" + p.getProperty(key));
				}
			}
		}
		for (Path template : I18nPropertiesSyncTest.templates()) {
			if (BORGER.matcher(Files.readString(template)).find()) {
				found.add(template.toString());
			}
		}
		assertThat(found).isEmpty();
	}

	@Test
	void theWordIsFoundWhereItIsUsed() {
		assertThat(BORGER.matcher("Borgerevaluering").find()).isTrue();
		assertThat(BORGER.matcher("Spørg borgeren").find()).isTrue();
		assertThat(BORGER.matcher("Læs mere på borger.dk").find()).isFalse();
		assertThat(BORGER.matcher("Kandidaternes evaluering").find()).isFalse();
	}
}
