package dk.vaerdig.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** The request a page renders with: its own attributes in front, the request's behind, nothing written through. */
class ModelFirstViewTest {

	@Test
	void attributesSetWhileRenderingStayInFrontAndDoNotReachTheRequest() {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setAttribute("_csrf", "token");
		request.setAttribute("shared", "the request's");
		var rendering = new ModelFirstView.RenderRequest(request);

		rendering.setAttribute("page", "the model's");
		rendering.setAttribute("shared", "the model's");

		assertThat(rendering.getAttribute("page")).isEqualTo("the model's");
		assertThat(rendering.getAttribute("shared")).isEqualTo("the model's");
		assertThat(rendering.getAttribute("_csrf")).isEqualTo("token");
		assertThat(rendering.getAttribute("missing")).isNull();
		assertThat(request.getAttribute("page")).isNull();
		assertThat(request.getAttribute("shared")).isEqualTo("the request's");
	}

	@Test
	void aRemovalOrANullHidesTheRequestsAttributeAndTheNamesFollow() {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setAttribute("a", 1);
		request.setAttribute("b", 2);
		var rendering = new ModelFirstView.RenderRequest(request);
		rendering.setAttribute("c", 3);
		rendering.removeAttribute("a");
		rendering.setAttribute("b", null);

		assertThat(rendering.getAttribute("a")).isNull();
		assertThat(rendering.getAttribute("b")).isNull();
		assertThat(Collections.list(rendering.getAttributeNames())).containsExactly("c");
		assertThat(request.getAttribute("a")).isEqualTo(1);

		rendering.setAttribute("a", 4);
		assertThat(rendering.getAttribute("a")).isEqualTo(4);
		assertThat(Collections.list(rendering.getAttributeNames())).containsExactlyInAnyOrder("a", "c");
	}
}
