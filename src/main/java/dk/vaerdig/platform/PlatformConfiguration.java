package dk.vaerdig.platform;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.HashSet;
import java.util.TimeZone;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.AbstractApplicationContext;
import org.springframework.context.support.ReloadableResourceBundleMessageSource;

/**
 * The shared beans every module may inject: the clock, the working-day calendar, this node's name and the UI's texts.
 */
@Configuration(proxyBeanMethods = false)
class PlatformConfiguration {

	/**
	 * The municipality's clock. The JVM's default time zone is set to the same zone, so that times rendered in pages
	 * (Thymeleaf formats an Instant in the default zone) are local times, whatever zone the server runs in.
	 */
	@Bean
	@ConditionalOnMissingBean
	Clock clock(PlatformSettings settings) {
		TimeZone.setDefault(TimeZone.getTimeZone(settings.zone()));
		return Clock.system(settings.zone());
	}

	/** This node's name, its own in every application context (see {@link AppNode}). */
	@Bean
	AppNode appNode(@Value("${vaerdig.platform.node-name:}") String name) {
		return name.isBlank() ? AppNode.random() : new AppNode(name.strip());
	}

	@Bean
	WorkingDays workingDays(PlatformSettings settings) {
		return new WorkingDays(new HashSet<>(settings.extraClosingDays()));
	}

	/**
	 * The UI's texts from the bundles of {@code spring.messages.basename}, each text looked up in one map per language.
	 * Boot's {@code ResourceBundleMessageSource} asked the bundles one by one, each with its chain of languages, for
	 * every text of a page: 6 % of the request threads' CPU of the case file. Which bundle wins a text defined twice is
	 * the same (the first basename, then the more specific language), and the bundles are read once, as before.
	 */
	@Bean(AbstractApplicationContext.MESSAGE_SOURCE_BEAN_NAME)
	MessageSource messageSource(@Value("${spring.messages.basename}") String basenames,
			@Value("${spring.messages.fallback-to-system-locale:true}") boolean fallbackToSystemLocale) {
		ReloadableResourceBundleMessageSource messages = new ReloadableResourceBundleMessageSource();
		messages.setBasenames(Arrays.stream(basenames.split(","))
			.map(String::strip)
			.filter(b -> !b.isEmpty())
			.map(b -> b.startsWith("classpath:") ? b : "classpath:" + b)
			.toArray(String[]::new));
		messages.setDefaultEncoding(StandardCharsets.UTF_8.name());
		messages.setFallbackToSystemLocale(fallbackToSystemLocale);
		// read once and kept (the default, as Boot's was): the merged texts of a language are one map
		messages.setCacheMillis(-1);
		return messages;
	}
}
