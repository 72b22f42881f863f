// The lobby screen shows one "I sagde – vi gjorde" item at a time and moves on every few seconds, so every item gets
// room on a TV without scrolling. The button stops the changing (and the minute's refresh) and starts it again
// (WCAG 2.2.2). Only an enhancement: without JavaScript all items are listed.
(function () {
  var index = 0;
  var paused = false;
  var timer = null;

  function items() {
    return Array.prototype.slice.call(document.querySelectorAll('.lobby__improvements > li'));
  }

  function show() {
    var all = items();
    if (all.length === 0) { return; }
    index = index % all.length;
    all.forEach(function (li, i) { li.hidden = i !== index; });
  }

  function label(button) {
    button.textContent = button.getAttribute(paused ? 'data-play' : 'data-pause');
  }

  function start() {
    var list = document.querySelector('.lobby__improvements');
    var button = document.querySelector('.lobby__pause');
    clearInterval(timer);
    timer = null;
    if (!list || items().length < 2) { show(); return; }
    var seconds = parseInt(list.getAttribute('data-rotate-seconds') || '10', 10);
    show();
    if (button) {
      button.hidden = false;
      label(button);
      button.onclick = function () { paused = !paused; label(button); };
    }
    timer = setInterval(function () {
      if (!paused) { index = index + 1; show(); }
    }, seconds * 1000);
  }

  // while the changing is stopped, the screen does not refresh itself either
  document.addEventListener('htmx:beforeRequest', function (event) {
    if (paused) { event.preventDefault(); }
  });
  // the minute's refresh replaces the content: carry on where it was
  document.addEventListener('htmx:afterSettle', start);
  document.addEventListener('DOMContentLoaded', start);
})();
