package dk.vaerdig.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Danish and English bundles hold the same keys, every key a template names exists, and no template has literal text
 * outside an element whose content Thymeleaf replaces (as PetClinic's I18nPropertiesSyncTest does).
 */
class I18nPropertiesSyncTest {

	private static final Path RESOURCES = Path.of("src/main/resources");

	private static final Path TEMPLATES = RESOURCES.resolve("templates");

	private static final Pattern KEY_IN_TEMPLATE = Pattern.compile("#\\{([a-zA-Z0-9_.]+)[}(]");

	private static final Pattern TOKEN = Pattern.compile("<!--.*?-->|<[^>]+>|[^<]+", Pattern.DOTALL);

	private static final Set<String> VOID = Set.of("input", "br", "meta", "link", "img", "hr", "source");

	/** Words that are meant literally: each language's own name in the language switch, and punctuation. */
	private static final Set<String> ALLOWED_LITERALS = Set.of("Dansk", "English");

	/** The Danish bundles: messages.properties and one per module under i18n/. */
	static List<Path> danishBundles() throws IOException {
		List<Path> bundles = new ArrayList<>(List.of(RESOURCES.resolve("messages.properties")));
		if (Files.isDirectory(RESOURCES.resolve("i18n"))) {
			try (Stream<Path> files = Files.list(RESOURCES.resolve("i18n"))) {
				files.filter(f -> f.toString().endsWith(".properties") && !f.getFileName().toString().contains("_"))
					.sorted()
					.forEach(bundles::add);
			}
		}
		return bundles;
	}

	static Path english(Path danish) {
		return danish.resolveSibling(danish.getFileName().toString().replace(".properties", "_en.properties"));
	}

	static Properties load(Path file) throws IOException {
		Properties p = new Properties();
		try (InputStream in = Files.newInputStream(file)) {
			p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return p;
	}

	static Properties allDanish() throws IOException {
		Properties all = new Properties();
		for (Path bundle : danishBundles()) {
			all.putAll(load(bundle));
		}
		return all;
	}

	@Test
	void danishAndEnglishHaveTheSameKeys() throws IOException {
		for (Path bundle : danishBundles()) {
			Set<String> da = new TreeSet<>(load(bundle).stringPropertyNames());
			Set<String> en = new TreeSet<>(load(english(bundle)).stringPropertyNames());
			assertThat(en).as("keys missing in English in " + english(bundle).getFileName()).containsAll(da);
			assertThat(da).as("keys missing in Danish in " + bundle.getFileName()).containsAll(en);
		}
	}

	@Test
	void noKeyIsInTwoBundles() throws IOException {
		Set<String> seen = new TreeSet<>();
		List<String> twice = new ArrayList<>();
		for (Path bundle : danishBundles()) {
			for (String key : load(bundle).stringPropertyNames()) {
				if (!seen.add(key)) {
					twice.add(bundle.getFileName() + ": " + key);
				}
			}
		}
		assertThat(twice).isEmpty();
	}

	@Test
	void noMessageIsEmpty() throws IOException {
		for (Path da : danishBundles()) {
			for (Path bundle : List.of(da, english(da))) {
				Properties p = load(bundle);
				assertThat(p.stringPropertyNames()).as(bundle.toString())
					.allSatisfy(k -> assertThat(p.getProperty(k)).as(k).isNotBlank());
			}
		}
	}

	@Test
	void everyKeyATemplateNamesExists() throws IOException {
		Properties da = allDanish();
		List<String> missing = new ArrayList<>();
		for (Path template : templates()) {
			Matcher m = KEY_IN_TEMPLATE.matcher(Files.readString(template));
			while (m.find()) {
				if (!da.containsKey(m.group(1))) {
					missing.add(TEMPLATES.relativize(template) + ": " + m.group(1));
				}
			}
		}
		assertThat(missing).isEmpty();
	}

	@Test
	void templatesHaveNoLiteralText() throws IOException {
		List<String> literals = new ArrayList<>();
		for (Path template : templates()) {
			Deque<Boolean> replaced = new ArrayDeque<>();
			Matcher m = TOKEN.matcher(Files.readString(template));
			while (m.find()) {
				String token = m.group();
				if (token.startsWith("<!--") || token.startsWith("<!")) {
					continue;
				}
				if (token.startsWith("</")) {
					if (!replaced.isEmpty()) {
						replaced.pop();
					}
				}
				else if (token.startsWith("<")) {
					String name = token.substring(1).split("[\\s/>]")[0].toLowerCase();
					boolean selfClosing = token.endsWith("/>") || VOID.contains(name);
					boolean replacesContent = token.matches("(?s).*\\b(th:(text|utext|errors|replace|insert)|sec:authentication)=.*")
							|| name.equals("script") || name.equals("style");
					if (!selfClosing) {
						replaced.push(replacesContent || replaced.stream().anyMatch(b -> b));
					}
				}
				else {
					String text = token.strip();
					boolean hasWords = text.codePoints().anyMatch(Character::isLetter);
					if (hasWords && !ALLOWED_LITERALS.contains(text) && (replaced.isEmpty() || !replaced.peek())) {
						literals.add(TEMPLATES.relativize(template) + ": \"" + text + "\"");
					}
				}
			}
		}
		assertThat(literals).as("literal text in templates: use #{...} keys").isEmpty();
	}

	static List<Path> templates() throws IOException {
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			return files.filter(f -> f.toString().endsWith(".html")).toList();
		}
	}
}
