package dk.vaerdig.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import dk.vaerdig.IntegrationTest;

/** Requests are measured for Prometheus, without an observation per security filter (see application.properties). */
@IntegrationTest
class MetricsIntegrationTest {

	@Autowired
	MockMvc mvc;

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
	void onlyAdministratorsReadTheMetrics() throws Exception {
		mvc.perform(get("/actuator/prometheus").with(user("sagsbehandler").roles("CASEWORKER")))
			.andExpect(status().isForbidden());
	}
}
