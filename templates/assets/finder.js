// The indicator finder: filters the A-to-Z table as one types. Without JavaScript the form stays
// hidden and every row shows. Every word comes from the page (data-status-one, data-status-other).
(function () {
  "use strict";
  var form = document.querySelector("form[data-finder]");
  if (!form) return;
  var input = form.querySelector("input");
  var status = form.querySelector("[role=status]");
  var table = form.nextElementSibling && form.nextElementSibling.querySelector("tbody");
  if (!input || !status || !table) return;
  var rows = Array.prototype.slice.call(table.rows).map(function (row) {
    var text = [row.cells[0].textContent, row.getAttribute("data-keywords"), row.getAttribute("data-summary")];
    return { row: row, text: text.join(" ").toLowerCase() };
  });
  var timer;
  function say(count) {
    var sentence = count === 1 ? form.getAttribute("data-status-one") : form.getAttribute("data-status-other");
    status.textContent = sentence.replace("{count}", String(count));
  }
  function filter() {
    var words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
    var count = 0;
    rows.forEach(function (entry) {
      var match = words.every(function (word) { return entry.text.indexOf(word) !== -1; });
      entry.row.hidden = !match;
      if (match) count += 1;
    });
    // Announce once typing pauses, so a screen reader is not interrupted on every key.
    clearTimeout(timer);
    timer = setTimeout(function () {
      if (words.length) say(count); else status.textContent = "";
    }, 300);
  }
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  input.addEventListener("input", filter);
  form.hidden = false;
})();
