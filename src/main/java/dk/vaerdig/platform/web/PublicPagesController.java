package dk.vaerdig.platform.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

import dk.vaerdig.access.NoPersonalData;

/** Pages anyone may read: the accessibility statement linked from every footer. */
@NoPersonalData("public pages")
@Controller
class PublicPagesController {

	@GetMapping("/accessibility")
	String accessibility() {
		return "platform/accessibility";
	}
}
