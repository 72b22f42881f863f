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

	/** The jte pages (see JteViews): src/main/jte. */
	private static final Path JTE = Path.of("src/main/jte");

	/** A text looked up by a literal key in a jte page: {@code p.text("key"} (keys made at run time are not seen). */
	private static final Pattern KEY_IN_JTE = Pattern.compile("\\bp\\.text\\(\"([a-zA-Z0-9_.]+)\"[,)]");

	@Test
	void everyKeyAJtePageNamesExists() throws IOException {
		Properties da = allDanish();
		List<String> missing = new ArrayList<>();
		int keys = 0;
		for (Path template : jteTemplates()) {
			Matcher m = KEY_IN_JTE.matcher(Files.readString(template));
			while (m.find()) {
				keys++;
				if (!da.containsKey(m.group(1))) {
					missing.add(JTE.relativize(template) + ": " + m.group(1));
				}
			}
		}
		assertThat(keys).as("keys found in the jte pages").isGreaterThan(50);
		assertThat(missing).isEmpty();
	}

	@Test
	void jtePagesHaveNoLiteralText() throws IOException {
		List<String> literals = new ArrayList<>();
		for (Path template : jteTemplates()) {
			for (String text : jteText(Files.readString(template))) {
				if (text.codePoints().anyMatch(Character::isLetter) && !ALLOWED_LITERALS.contains(text)) {
					literals.add(JTE.relativize(template) + ": \"" + text + "\"");
				}
			}
		}
		assertThat(literals).as("literal text in jte pages: use p.text(\"...\")").isEmpty();
	}

	@Test
	void theJteScannerFindsLiteralText() {
		assertThat(jteText("""
				@param PageContext p
				<%-- a comment --%>
				!{var x = p.text("a.b");}
				@template.platform.web.layout(p = p, title = p.text("t"), content = @`
				<h1 title="${p.text("x")}">${x}</h1>@if(x != null)<br>Hej@endif
				<p>${p.text("y", "Nej")} Dansk</p>@for(var y : x)${y}@endfor
				`)
				""")).containsExactly("Hej", "Dansk");
	}

	/**
	 * The text a jte page writes as it is: what is left outside tags once comments, {@code @import} and {@code @param}
	 * lines, {@code ${…}} and {@code !{…}} code, and the directives ({@code @if(…)}, {@code @for(…)},
	 * {@code @template…(…)} up to a content block) are taken out.
	 */
	static List<String> jteText(String source) {
		String s = source.replaceAll("(?s)<%--.*?--%>", " ")
			.replaceAll("(?m)^\\s*@(import|param)\\b.*$", " ")
			.replace("@`", ")")
			.replace("`)", " ");
		Pattern opening = Pattern.compile("@(if|elseif|for|template[\\w.]*)\\s*\\(");
		Pattern closing = Pattern.compile("@(endif|endfor|else)");
		StringBuilder left = new StringBuilder();
		int i = 0;
		while (i < s.length()) {
			Matcher open = opening.matcher(s).region(i, s.length());
			Matcher close = closing.matcher(s).region(i, s.length());
			if (s.startsWith("${", i) || s.startsWith("!{", i)) {
				i = closing(s, i + 1, '{', '}');
			}
			else if (open.lookingAt()) {
				i = closing(s, open.end() - 1, '(', ')');
			}
			else if (close.lookingAt()) {
				i = close.end();
			}
			else {
				left.append(s.charAt(i++));
			}
		}
		List<String> texts = new ArrayList<>();
		for (String token : left.toString().split("<[^>]*>")) {
			String text = token.strip();
			if (!text.isEmpty()) {
				texts.add(text);
			}
		}
		return texts;
	}

	/** The index after the bracket that closes the one at {@code open}, skipping Java strings. */
	private static int closing(String s, int open, char in, char out) {
		int depth = 0;
		for (int i = open; i < s.length(); i++) {
			char c = s.charAt(i);
			if (c == '"') {
				i++;
				while (i < s.length() && s.charAt(i) != '"') {
					i += s.charAt(i) == '\\' ? 2 : 1;
				}
			}
			else if (c == in) {
				depth++;
			}
			else if (c == out && --depth == 0) {
				return i + 1;
			}
		}
		throw new IllegalArgumentException("unclosed " + in + " at " + open);
	}

	static List<Path> jteTemplates() throws IOException {
		try (Stream<Path> files = Files.walk(JTE)) {
			return files.filter(f -> f.toString().endsWith(".jte")).toList();
		}
	}

	static List<Path> templates() throws IOException {
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			return files.filter(f -> f.toString().endsWith(".html")).toList();
		}
	}
}
