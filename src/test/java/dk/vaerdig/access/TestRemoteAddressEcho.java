package dk.vaerdig.access;

import java.nio.charset.StandardCharsets;

import jakarta.servlet.Filter;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/**
 * For tests only: {@code /test/remote-address} answers the request's remote address, whether it is secure and its
 * scheme, as the application sees them after Tomcat has applied (or ignored) the X-Forwarded headers.
 */
@TestConfiguration(proxyBeanMethods = false)
class TestRemoteAddressEcho {

	@Bean
	FilterRegistrationBean<Filter> remoteAddressEcho() {
		Filter echo = (request, response, chain) -> {
			response.setContentType("text/plain");
			response.getOutputStream()
				.write((request.getRemoteAddr() + " " + request.isSecure() + " " + request.getScheme())
					.getBytes(StandardCharsets.UTF_8));
		};
		FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(echo);
		registration.addUrlPatterns("/test/remote-address");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}
}
