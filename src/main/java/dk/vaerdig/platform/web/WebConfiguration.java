package dk.vaerdig.platform.web;

import java.time.Duration;
import java.util.Locale;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

import dk.vaerdig.platform.PlatformSettings;
import dk.vaerdig.platform.RateLimits;

/** Danish by default, English by choice ({@code ?lang=en}), remembered in a cookie. */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	static final Locale DANISH = Locale.forLanguageTag("da");

	@Bean
	LocaleResolver localeResolver() {
		CookieLocaleResolver resolver = new CookieLocaleResolver("vaerdig-lang");
		resolver.setDefaultLocale(DANISH);
		resolver.setCookieMaxAge(Duration.ofDays(365));
		return resolver;
	}

	/**
	 * Boot registers a ResourceUrlEncodingFilter because webjars-locator-lite is present. It looks up every link of
	 * every page as a possible static resource, scanning the jars on each miss: a third of the CPU of a case page. Our
	 * links need no rewriting (webjars resolve without versions), so it is switched off.
	 */
	@Bean
	FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
		FilterRegistrationBean<ResourceUrlEncodingFilter> registration = new FilterRegistrationBean<>(new ResourceUrlEncodingFilter());
		registration.setEnabled(false);
		return registration;
	}

	/** The pages' property reads resolved once per type and name; see {@link CachedPropertyReads}. */
	@Bean
	CachedPropertyReads.Dialect cachedPropertyReads() {
		return new CachedPropertyReads.Dialect();
	}

	/**
	 * Boot's Thymeleaf view resolver, its views rendering with their variables in a map of their own; see
	 * {@link ModelFirstView}.
	 */
	@Bean
	static BeanPostProcessor modelFirstViews() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessBeforeInitialization(Object bean, String name) {
				if (bean instanceof ThymeleafViewResolver resolver) {
					resolver.setViewClass(ModelFirstView.class);
				}
				return bean;
			}
		};
	}

	/** The pages written in jte ({@code jte:…} view names); see {@link JteViews}. */
	@Bean
	JteViews jteViews(MessageSource messageSource) {
		return new JteViews(messageSource);
	}

	/** Rate limits on the pages without login; see {@link PublicRateLimitFilter}. */
	@Bean
	FilterRegistrationBean<PublicRateLimitFilter> publicRateLimitFilter(PlatformSettings settings,
			RateLimits limits) {
		FilterRegistrationBean<PublicRateLimitFilter> registration = new FilterRegistrationBean<>(
				new PublicRateLimitFilter(settings.publicRateLimitPerMinute(), limits));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

	/** Dates, date-times and months inside the years the application handles (see {@link InputGuard}). */
	@Override
	public void addFormatters(FormatterRegistry registry) {
		InputGuard.registerDateConverters(registry);
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor lang = new LocaleChangeInterceptor();
		lang.setParamName("lang");
		lang.setIgnoreInvalidLocale(true);
		registry.addInterceptor(lang);
	}
}
