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

	private static final Path TEMPLATES = Path.of("src/main/resources/templates");

	private static final Pattern KEY_IN_TEMPLATE = Pattern.compile("#\\{([a-zA-Z0-9_.]+)[}(]");

	private static final Pattern TOKEN = Pattern.compile("<!--.*?-->|<[^>]+>|[^<]+", Pattern.DOTALL);

	private static final Set<String> VOID = Set.of("input", "br", "meta", "link", "img", "hr", "source");

	/** Words that are meant literally: each language's own name in the language switch, and punctuation. */
	private static final Set<String> ALLOWED_LITERALS = Set.of("Dansk", "English");

	static Properties load(String name) throws IOException {
		Properties p = new Properties();
		try (InputStream in = Files.newInputStream(Path.of("src/main/resources", name))) {
			p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return p;
	}

	@Test
	void danishAndEnglishHaveTheSameKeys() throws IOException {
		Set<String> da = new TreeSet<>(load("messages.properties").stringPropertyNames());
		Set<String> en = new TreeSet<>(load("messages_en.properties").stringPropertyNames());
		assertThat(en).as("keys missing in English").containsAll(da);
		assertThat(da).as("keys missing in Danish").containsAll(en);
	}

	@Test
	void noMessageIsEmpty() throws IOException {
		for (String bundle : List.of("messages.properties", "messages_en.properties")) {
			Properties p = load(bundle);
			assertThat(p.stringPropertyNames()).as(bundle).allSatisfy(k -> assertThat(p.getProperty(k)).as(k).isNotBlank());
		}
	}

	@Test
	void everyKeyATemplateNamesExists() throws IOException {
		Properties da = load("messages.properties");
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
