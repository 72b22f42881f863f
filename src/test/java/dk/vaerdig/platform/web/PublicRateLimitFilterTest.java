package dk.vaerdig.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class PublicRateLimitFilterTest {

	MockHttpServletResponse call(PublicRateLimitFilter filter, String path, String address) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
		request.setRemoteAddr(address);
		MockHttpServletResponse response = new MockHttpServletResponse();
		filter.doFilter(request, response, new MockFilterChain());
		return response;
	}

	@Test
	void aClientPastTheLimitGetsAPoliteTooManyRequestsOthersDoNot() throws Exception {
		PublicRateLimitFilter filter = new PublicRateLimitFilter(3);
		for (int i = 0; i < 3; i++) {
			assertThat(call(filter, "/s/abc", "10.0.0.1").getStatus()).isEqualTo(200);
		}
		MockHttpServletResponse limited = call(filter, "/s/abc", "10.0.0.1");
		assertThat(limited.getStatus()).isEqualTo(429);
		assertThat(limited.getHeader("Retry-After")).isEqualTo("60");
		assertThat(limited.getContentAsString()).contains("Vent et minut, og prøv så igen");
		// another address has its own bucket
		assertThat(call(filter, "/book/x", "10.0.0.2").getStatus()).isEqualTo(200);
	}

	@Test
	void pagesBehindTheLoginAndASwitchedOffLimitAreNotCounted() throws Exception {
		PublicRateLimitFilter filter = new PublicRateLimitFilter(1);
		for (int i = 0; i < 5; i++) {
			assertThat(call(filter, "/cases", "10.0.0.3").getStatus()).isEqualTo(200);
		}
		PublicRateLimitFilter off = new PublicRateLimitFilter(0);
		for (int i = 0; i < 5; i++) {
			assertThat(call(off, "/s/abc", "10.0.0.4").getStatus()).isEqualTo(200);
		}
	}
}
