(function () {
  "use strict";
  var refresh = parseInt(document.body.getAttribute("data-refresh") || "0", 10);
  if (refresh > 0) { window.setTimeout(function () { window.location.reload(); }, refresh * 1000); }

  comparePicker();

  function comparePicker() {
    var button = document.getElementById("compare");
    if (!button) { return; }
    var boxes = Array.prototype.slice.call(document.querySelectorAll("input.pick"));
    function picked() { return boxes.filter(function (b) { return b.checked; }); }
    function update() { button.disabled = picked().length !== 2; }
    boxes.forEach(function (b) { b.addEventListener("change", update); });
    button.addEventListener("click", function () {
      var two = picked();
      if (two.length !== 2) { return; }
      window.location.href = "/compare?a=" + encodeURIComponent(two[0].value) + "&b=" + encodeURIComponent(two[1].value);
    });
    update();
  }
})();
