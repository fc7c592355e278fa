#!/usr/bin/python3
"""Independent reference for NeuroOnco Studio's mask semantics (DESIGN.md §3.4), built on
OpenCV's Python bindings from Debian (python3-opencv), following the conventions the published
MM-NeuroOnco labels were computed with:

  * binarise: pixel > 127
  * components: 8-connected (cv2.connectedComponentsWithStats, connectivity 8)
  * largest component's outline: cv2.findContours(RETR_EXTERNAL, CHAIN_APPROX_SIMPLE), i.e. the
    8-connected outer border with straight runs collapsed to their end points; the largest
    contour is the one with the largest cv2.contourArea (ties: the one whose first point comes
    first in raster order)
  * perimeter: cv2.arcLength(contour, closed=True); circularity 4*pi*A/P^2 with A =
    cv2.contourArea (0 when P == 0)
  * elongation: major/minor axis of cv2.fitEllipse(contour) when the contour has >= 5 points,
    else 1
  * centroid: image moments of the whole binarised mask (cv2.moments, binaryImage=True)
  * thresholds: size 1 % / 5 % of the image; shape circularity 0.5 / 0.8 and elongation 1.5;
    spread 70 % core; location in thirds of the image.

It is used once to write the parity fixture that tests/core/tst_semantics.cpp checks our C++
implementation against. Regenerate with:

    /usr/bin/python3 tools/semantics_reference.py --generate tests/data/semantics

(the masks are drawn deterministically from a fixed seed; the expected file is rewritten).
`--mask FILE` prints the reference reading of one mask as JSON.
"""

import argparse
import json
import math
import os
import sys

import cv2
import numpy as np


def grid_cell(cx, cy, width, height):
    col = 0 if cx < width / 3.0 else (1 if cx < 2.0 * width / 3.0 else 2)
    row = 0 if cy < height / 3.0 else (1 if cy < 2.0 * height / 3.0 else 2)
    if row == 1 and col == 1:
        return "Center of the Image"
    return "%s-%s Region" % (["Upper", "Center", "Lower"][row], ["Left", "Center", "Right"][col])


def semantics(mask):
    binary = (mask > 127).astype(np.uint8)
    height, width = binary.shape
    lesion = int(binary.sum())
    if lesion == 0:
        return None
    area_ratio = lesion / float(width * height)
    size = "Small/Focal" if area_ratio < 0.01 else ("Medium" if area_ratio < 0.05 else "Large/Extensive")

    count, labels, stats, _ = cv2.connectedComponentsWithStats(binary, connectivity=8)
    areas = stats[1:, cv2.CC_STAT_AREA]
    components = int(count - 1)
    core_fraction = float(areas.max()) / float(areas.sum())
    if components == 1:
        spread = "Solitary Lesion"
    elif core_fraction >= 0.7:
        spread = "Dominant Core with Satellites"
    else:
        spread = "Scattered/Multifocal"

    contours, _ = cv2.findContours(binary * 255, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)

    def key(c):
        first = c.reshape(-1, 2)[0]
        return (-cv2.contourArea(c), int(first[1]), int(first[0]))

    largest = sorted(contours, key=key)[0]
    contour_area = float(cv2.contourArea(largest))
    perimeter = float(cv2.arcLength(largest, True))
    circularity = 4.0 * math.pi * contour_area / (perimeter * perimeter) if perimeter > 0 else 0.0
    points = largest.reshape(-1, 2)
    elongation = 1.0
    if len(points) >= 5:
        (_, _), (a, b), _ = cv2.fitEllipse(largest)
        major, minor = max(a, b), min(a, b)
        elongation = float(major / minor) if minor > 0 else float("inf")
    if circularity < 0.5:
        shape = "Irregular/Spiculated"
    elif circularity >= 0.8 and elongation <= 1.5:
        shape = "Round/Oval"
    else:
        shape = "Lobulated"

    m = cv2.moments(binary, binaryImage=True)
    cx, cy = m["m10"] / m["m00"], m["m01"] / m["m00"]
    ys, xs = np.nonzero(binary)
    return {
        "size": size,
        "shape": shape,
        "spread": spread,
        "location": grid_cell(cx, cy, width, height),
        "numbers": {
            "area_ratio": area_ratio,
            "lesion_pixels": lesion,
            "components": components,
            "core_fraction": core_fraction,
            "contour_area": contour_area,
            "perimeter": perimeter,
            "circularity": circularity,
            "elongation": elongation if math.isfinite(elongation) else 1e9,
            "contour_points": int(len(points)),
            "centroid": [cx, cy],
            "bbox": [int(xs.min()), int(ys.min()), int(xs.max() - xs.min() + 1), int(ys.max() - ys.min() + 1)],
        },
    }


# ---------------------------------------------------------------------------------------------
# Fixture masks: discs, ellipses, lobulated and spiculated blobs, several components, holes,
# border contact, one-pixel and thin lesions, tiny and large images, anti-aliased edges.

def blob(img, cx, cy, radius, lobes, amplitude, phase, spikes=0, spike_amp=0.0, value=255):
    n = 720
    pts = []
    for i in range(n):
        t = 2 * math.pi * i / n
        r = radius * (1 + amplitude * math.sin(lobes * t + phase))
        if spikes:
            r *= 1 + spike_amp * max(0.0, math.sin(spikes * t + phase * 1.7)) ** 6
        pts.append((cx + r * math.cos(t), cy + r * math.sin(t)))
    cv2.fillPoly(img, [np.round(np.array(pts) * 16).astype(np.int32)], value, lineType=cv2.LINE_8, shift=4)


def generate(out_dir):
    rng = np.random.default_rng(20240611)
    os.makedirs(out_dir, exist_ok=True)
    cases = []

    def add(name, img):
        cases.append((name, img))

    sizes = [(256, 256), (512, 512), (128, 128), (300, 200), (64, 64), (1024, 1024), (240, 240)]
    for i in range(60):  # discs
        w, h = sizes[i % len(sizes)]
        img = np.zeros((h, w), np.uint8)
        r = int(rng.integers(1, max(2, min(w, h) // 4)))
        cv2.circle(img, (int(rng.integers(r, w - r)), int(rng.integers(r, h - r))), r, 255, -1)
        add("disc_%02d" % i, img)
    for i in range(60):  # ellipses
        w, h = sizes[i % len(sizes)]
        img = np.zeros((h, w), np.uint8)
        a = int(rng.integers(3, max(4, min(w, h) // 4)))
        b = int(max(1, a * rng.uniform(0.2, 1.0)))
        cv2.ellipse(img, (int(rng.integers(a, w - a)), int(rng.integers(a, h - a))), (a, b), float(rng.uniform(0, 180)), 0, 360, 255, -1)
        add("ellipse_%02d" % i, img)
    for i in range(50):  # lobulated
        w, h = sizes[i % 4]
        img = np.zeros((h, w), np.uint8)
        r = rng.uniform(8, min(w, h) / 5)
        blob(img, rng.uniform(r * 1.5, w - r * 1.5), rng.uniform(r * 1.5, h - r * 1.5), r, int(rng.integers(3, 7)), rng.uniform(0.1, 0.35), rng.uniform(0, 6))
        add("lobulated_%02d" % i, img)
    for i in range(40):  # spiculated
        w, h = sizes[i % 4]
        img = np.zeros((h, w), np.uint8)
        r = rng.uniform(8, min(w, h) / 6)
        blob(img, rng.uniform(r * 2.5, w - r * 2.5), rng.uniform(r * 2.5, h - r * 2.5), r, 3, 0.05, rng.uniform(0, 6), spikes=int(rng.integers(7, 16)), spike_amp=rng.uniform(0.6, 1.4))
        add("spiculated_%02d" % i, img)
    for i in range(40):  # several components
        w, h = sizes[i % 4]
        img = np.zeros((h, w), np.uint8)
        k = int(rng.integers(2, 7))
        big = rng.uniform(6, min(w, h) / 7)
        for j in range(k):
            r = big if j == 0 else big * rng.uniform(0.15, 1.0 if i % 2 else 0.4)
            cv2.circle(img, (int(rng.uniform(r, w - r)), int(rng.uniform(r, h - r))), max(1, int(r)), 255, -1)
        add("multi_%02d" % i, img)
    for i in range(15):  # holes and rings
        w, h = sizes[i % 4]
        img = np.zeros((h, w), np.uint8)
        r = int(rng.uniform(10, min(w, h) / 4))
        c = (int(rng.uniform(r, w - r)), int(rng.uniform(r, h - r)))
        cv2.circle(img, c, r, 255, -1)
        cv2.circle(img, c, max(1, int(r * rng.uniform(0.2, 0.8))), 0, -1)
        add("ring_%02d" % i, img)
    for i in range(15):  # touching the border
        w, h = sizes[i % 4]
        img = np.zeros((h, w), np.uint8)
        r = int(rng.uniform(10, min(w, h) / 3))
        corner = [(0, 0), (w - 1, 0), (0, h - 1), (w - 1, h - 1), (w // 2, 0)][i % 5]
        cv2.circle(img, corner, r, 255, -1)
        add("border_%02d" % i, img)
    img = np.zeros((200, 200), np.uint8); img[:, 0:30] = 255; add("border_bar_left", img)
    img = np.zeros((200, 200), np.uint8); img[:] = 255; add("all_lesion", img)
    for i, (w, h) in enumerate([(256, 256), (512, 512), (8, 8), (1, 1), (16, 16)]):  # one pixel
        img = np.zeros((h, w), np.uint8); img[h // 3, w // 2] = 255; add("pixel_%d" % i, img)
    img = np.zeros((128, 128), np.uint8); img[60, 10:100] = 255; add("line_horizontal", img)
    img = np.zeros((128, 128), np.uint8); img[5:120, 70] = 255; add("line_vertical", img)
    img = np.zeros((128, 128), np.uint8); cv2.line(img, (10, 10), (110, 100), 255, 1); add("line_diagonal", img)
    img = np.zeros((128, 128), np.uint8); cv2.line(img, (10, 90), (110, 20), 255, 2); add("line_thick", img)
    img = np.zeros((128, 128), np.uint8); img[50, 40:60] = 255; img[40:60, 50] = 255; add("cross", img)
    img = np.zeros((64, 64), np.uint8); img[10, 10] = 255; img[11, 11] = 255; img[12, 12] = 255; add("diag_pixels", img)
    img = np.zeros((64, 64), np.uint8); img[10:12, 10:13] = 255; add("tiny_rect", img)
    img = np.zeros((100, 100), np.uint8); cv2.circle(img, (30, 50), 10, 255, -1); cv2.circle(img, (70, 50), 10, 255, -1); add("twin_discs", img)
    img = np.zeros((9, 9), np.uint8); img[3:6, 3:6] = 255; add("tiny_image_square", img)
    for i in range(12):  # anti-aliased (grey edges): the > 127 rule decides
        w, h = sizes[i % 4]
        img = np.zeros((h, w), np.uint8)
        r = rng.uniform(5, min(w, h) / 5)
        cv2.circle(img, (int(w / 2 + rng.uniform(-w / 4, w / 4)), int(h / 2)), int(r), 255, -1, lineType=cv2.LINE_AA)
        add("antialiased_%02d" % i, img)

    expected = []
    for name, img in cases:
        file = name + ".png"
        cv2.imwrite(os.path.join(out_dir, file), img)
        expected.append({"file": file, "width": int(img.shape[1]), "height": int(img.shape[0]), "semantics": semantics(img)})
    with open(os.path.join(out_dir, "expected.json"), "w") as f:
        json.dump({"generator": "tools/semantics_reference.py", "opencv": cv2.__version__, "masks": expected}, f, indent=1)
    print("wrote %d masks and expected.json to %s" % (len(cases), out_dir))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--generate", metavar="DIR")
    parser.add_argument("--mask", metavar="FILE")
    args = parser.parse_args()
    if args.generate:
        generate(args.generate)
    elif args.mask:
        img = cv2.imread(args.mask, cv2.IMREAD_GRAYSCALE)
        if img is None:
            sys.exit("cannot read %s" % args.mask)
        print(json.dumps(semantics(img), indent=1))
    else:
        parser.print_help()
        sys.exit(2)


if __name__ == "__main__":
    main()
