(function () {
  "use strict";
  var box = document.getElementById("layer-switches");
  if (!box) { return; }
  box.addEventListener("change", function (event) {
    var input = event.target;
    if (!input || !input.dataset || !input.dataset.layer) { return; }
    document.body.classList.toggle("hide-" + input.dataset.layer, !input.checked);
  });
})();
