package dk.vaerdig.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Properties;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.io.ClassPathResource;

/**
 * The app's texts ({@link PlatformConfiguration#messageSource}, one map per language) are the texts Boot's
 * {@code ResourceBundleMessageSource} gave for the same {@code spring.messages.*}: every key of every bundle, in
 * Danish and English, with and without arguments.
 */
class MessageSourceTest {

	static Properties load(String path) throws IOException {
		Properties p = new Properties();
		ClassPathResource resource = new ClassPathResource(path);
		if (resource.exists()) {
			try (InputStream in = resource.getInputStream()) {
				p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
			}
		}
		return p;
	}

	/** The text with the arguments, or the exception's class where a pattern cannot take numbers. */
	static String format(MessageSource messages, String key, Object[] args, Locale locale) {
		try {
			return messages.getMessage(key, args, null, locale);
		}
		catch (IllegalArgumentException e) {
			return e.getClass().getName();
		}
	}

	@Test
	void everyTextIsTheOneBootsMessageSourceGave() throws IOException {
		Properties app = load("application.properties");
		String basenames = app.getProperty("spring.messages.basename");
		boolean fallback = Boolean.parseBoolean(app.getProperty("spring.messages.fallback-to-system-locale", "true"));
		MessageSource ours = new PlatformConfiguration().messageSource(basenames, fallback);
		ResourceBundleMessageSource boots = new ResourceBundleMessageSource();
		boots.setBasenames(basenames.split(","));
		boots.setDefaultEncoding("UTF-8");
		boots.setFallbackToSystemLocale(fallback);

		TreeSet<String> keys = new TreeSet<>();
		for (String basename : basenames.split(",")) {
			for (String suffix : new String[] { "", "_en" }) {
				load(basename + suffix + ".properties").stringPropertyNames().forEach(keys::add);
			}
		}
		assertThat(keys).hasSizeGreaterThan(1000);
		Object[] args = { 1, 2, 3, 4, 5 };
		int compared = 0;
		for (Locale locale : new Locale[] { Locale.forLanguageTag("da"), Locale.ENGLISH }) {
			for (String key : keys) {
				assertThat(ours.getMessage(key, null, null, locale)).as("%s in %s", key, locale)
					.isEqualTo(boots.getMessage(key, null, null, locale));
				assertThat(format(ours, key, args, locale)).as("%s with arguments in %s", key, locale)
					.isEqualTo(format(boots, key, args, locale));
				compared++;
			}
		}
		assertThat(compared).isEqualTo(2 * keys.size());
		assertThat(ours.getMessage("layout.logout", null, Locale.ENGLISH)).isNotEqualTo(
				ours.getMessage("layout.logout", null, Locale.forLanguageTag("da")));
		assertThat(Arrays.stream(basenames.split(","))).hasSizeGreaterThan(1);
	}
}
