// Enhancement only: draws the month table of the evaluation dashboard as a line chart with Chart.js. The table
// stays on the page (and is what screen readers and people without JavaScript use). A month whose figure is hidden
// (too few answers) is null, which Chart.js draws as a gap (spanGaps: false), never as 0 %.
(function () {
  var canvas = document.getElementById('trend-chart');
  var table = document.getElementById('trend-table');
  if (!canvas || !table || typeof Chart === 'undefined') { return; }
  var labels = [], positive = [], response = [];
  table.querySelectorAll('tbody tr').forEach(function (row) {
    labels.push(row.getAttribute('data-label'));
    positive.push(figure(row.getAttribute('data-positive')));
    response.push(figure(row.getAttribute('data-response')));
  });
  canvas.hidden = false;
  // a missing or empty attribute is a hidden figure: null (Number(null) and Number('') would be 0)
  function figure(text) {
    if (text === null || text.trim() === '') { return null; }
    var value = Number(text);
    return isFinite(value) ? value : null;
  }
  new Chart(canvas, {
    type: 'line',
    data: { labels: labels, datasets: [
      { label: canvas.getAttribute('data-positive-label'), data: positive, borderColor: '#004993', backgroundColor: '#004993', spanGaps: false },
      { label: canvas.getAttribute('data-response-label'), data: response, borderColor: '#a35a00', backgroundColor: '#a35a00', borderDash: [6, 4], spanGaps: false }
    ] },
    options: { animation: false, scales: { y: { min: 0, max: 100, ticks: { callback: function (v) { return v + ' %'; } } } } }
  });
})();
