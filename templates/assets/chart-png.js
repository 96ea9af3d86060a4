/* Adds a button beside each chart's SVG link that saves the chart as a PNG at twice its size.
   Its words come from the link's data-png-label (the word file); without JavaScript there is
   no button and the SVG link still works. */
(function () {
  "use strict";
  function save(link) {
    var image = new Image();
    image.onload = function () {
      var canvas = document.createElement("canvas");
      canvas.width = image.naturalWidth * 2;
      canvas.height = image.naturalHeight * 2;
      canvas.getContext("2d").drawImage(image, 0, 0, canvas.width, canvas.height);
      canvas.toBlob(function (blob) {
        if (!blob) return;
        var a = document.createElement("a");
        a.href = URL.createObjectURL(blob);
        a.download = link.pathname.split("/").pop().replace(/\.svg$/, ".png");
        document.body.appendChild(a);
        a.click();
        a.remove();
        setTimeout(function () { URL.revokeObjectURL(a.href); }, 10000);
      }, "image/png");
    };
    image.src = link.href;
  }
  var links = document.querySelectorAll("a[data-png-label]");
  for (var i = 0; i < links.length; i++) {
    (function (link) {
      // A page opened from disk may not read a drawn file back from a canvas: no button there.
      if (location.protocol === "file:" || !window.HTMLCanvasElement || !HTMLCanvasElement.prototype.toBlob) return;
      var button = document.createElement("button");
      button.type = "button";
      button.className = "chart-png";
      button.textContent = link.getAttribute("data-png-label");
      button.addEventListener("click", function () { save(link); });
      link.parentNode.insertBefore(button, link.nextSibling);
    })(links[i]);
  }
})();
