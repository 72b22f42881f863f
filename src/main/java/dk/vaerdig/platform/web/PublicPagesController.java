package dk.vaerdig.platform.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Pages anyone may read: the accessibility statement linked from every footer. */
@Controller
class PublicPagesController {

	@GetMapping("/accessibility")
	String accessibility() {
		return "platform/accessibility";
	}
}
