package dk.vaerdig.platform;

import java.time.Clock;
import java.util.HashSet;
import java.util.TimeZone;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The shared beans every module may inject: the clock, the working-day calendar and this node's name. */
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
}
