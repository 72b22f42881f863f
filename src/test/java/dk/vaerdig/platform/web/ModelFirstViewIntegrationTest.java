package dk.vaerdig.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

import dk.vaerdig.IntegrationTest;

/** The app's pages render through {@link ModelFirstView}, and the model stays out of the request's attributes. */
@IntegrationTest
class ModelFirstViewIntegrationTest {

	@Autowired
	ThymeleafViewResolver resolver;

	@Autowired
	MockMvc mvc;

	@Test
	void thePagesRenderThroughTheViewAndTheModelIsNotARequestAttribute() throws Exception {
		assertThat(resolver.resolveViewName("casework/handovers", Locale.forLanguageTag("da")))
			.isInstanceOf(ModelFirstView.class);
		var result = mvc.perform(get("/handovers").with(user("sagsbehandler").roles("CASEWORKER")))
			.andExpect(status().isOk())
			.andReturn();
		assertThat(result.getResponse().getContentAsString()).contains("<main").contains("name=\"_csrf\"");
		assertThat(result.getModelAndView().getModel()).containsKeys("pending", "signedIn");
		assertThat(result.getRequest().getAttribute("pending")).isNull();
		assertThat(result.getRequest().getAttribute("signedIn")).isNull();
	}
}
