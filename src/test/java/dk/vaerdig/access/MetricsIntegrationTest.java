package dk.vaerdig.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.ObservationFilterChainDecorator;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.test.web.servlet.MockMvc;

import dk.vaerdig.IntegrationTest;

/**
 * Requests are measured for Prometheus, without an observation per security filter (see
 * {@code SecurityConfiguration.securityObservations}).
 */
@IntegrationTest
class MetricsIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	FilterChainProxy securityFilters;

	@Test
	void requestsAreMeasuredButNotEachSecurityFilter() throws Exception {
		mvc.perform(get("/cases").with(user("sagsbehandler").roles("CASEWORKER"))).andExpect(status().isOk());
		String metrics = mvc.perform(get("/actuator/prometheus").with(user("admin").roles("ADMIN")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(metrics).contains("http_server_requests_seconds_count").doesNotContain("spring_security_filterchains");
	}

	@Test
	void theSecurityFiltersAreNotWrappedInObservations() {
		// with observations merely switched off by a predicate, each filter was still wrapped, per request; the bean
		// is Spring Security's composite of the filter chain proxy that runs the chains
		Object inner = ReflectionTestUtils.getField(securityFilters, "springSecurityFilterChain");
		FilterChainProxy running = inner instanceof FilterChainProxy proxy ? proxy : securityFilters;
		assertThat(ReflectionTestUtils.getField(running, "filterChainDecorator"))
			.isNotInstanceOf(ObservationFilterChainDecorator.class);
	}

	@Test
	void onlyAdministratorsReadTheMetrics() throws Exception {
		mvc.perform(get("/actuator/prometheus").with(user("sagsbehandler").roles("CASEWORKER")))
			.andExpect(status().isForbidden());
	}
}
