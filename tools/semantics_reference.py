#!/usr/bin/python3
"""Independent reference for NeuroOnco Studio's mask semantics (DESIGN.md §3.4): the rules the
published MM-NeuroOnco labels were computed with (pipeline/medical_semantic_mapping.py of the
published repository), re-stated here on OpenCV's Python bindings from Debian (python3-opencv):

  * read the mask as 8-bit greyscale (cv2.imread IMREAD_GRAYSCALE); lesion = pixel > 127
  * components: cv2.connectedComponentsWithStats, 8-connectivity
  * dominant component = argmax of the component pixel counts (ties: the lowest OpenCV label)
  * outline: cv2.findContours(RETR_EXTERNAL, CHAIN_APPROX_SIMPLE) on the dominant component
    ALONE, first contour
  * circularity = 4*pi*A/P^2 with A = the dominant component's PIXEL COUNT and
    P = cv2.arcLength(outline, closed=True) (0 when P == 0)
  * elongation = major/minor of cv2.fitEllipse(outline) when the outline has >= 5 points and the
    minor side is > 0, else 1
  * shape: circularity < 0.5 Irregular/Spiculated; >= 0.8 and elongation <= 1.5 Round/Oval;
    else Lobulated
  * size: total lesion pixels / image pixels: < 1 % Small/Focal, < 5 % Medium, else
    Large/Extensive
  * spread: 1 component Solitary Lesion; dominant share >= 0.7 Dominant Core with Satellites;
    else Scattered/Multifocal
  * location: centroid from cv2.moments of the whole binary mask, in thirds of the image
    (w/3 and 2*(w/3)); the middle cell is "Center of the Image"
  * an empty mask has no semantics (null)

The numbers written beside the labels: area_ratio, lesion_pixels, components, core_fraction,
dominant_pixels (the A above), perimeter (P), circularity, elongation, contour_points, centroid,
bbox, the fitted ellipse, and contour_area (cv2.contourArea of the outline) as an extra number
that no rule uses.

Usage:
    /usr/bin/python3 tools/semantics_reference.py --generate tests/data/semantics
        writes the masks (fixed seeds), expected.json (the rule above on each mask as written
        and read back, so JPEG masks are judged on their decoded pixels) and ellipse_fits.json
        (cv2.fitEllipse on outline polygons and small point sets, for the ellipse parity test)
        and tiny_lesions.json (3000 lesions of 2–40 pixels as pixel lists with their labels);
        prints how the published rule differs from measuring A on the polygon.
    /usr/bin/python3 tools/semantics_reference.py --mask FILE
        prints the reference reading of one mask as JSON.
    /usr/bin/python3 tools/semantics_reference.py --published-input DIR OUT.json
        writes a metadata list for the fixture masks in DIR in the published pipeline's input
        form ({sample_id, has_mask, mask_path}), so its own medical_semantic_mapping.py can be
        run on them unmodified (see tests/data/semantics/README.md).
    /usr/bin/python3 tools/semantics_reference.py --compare-published DIR PUBLISHED_OUT.json
        compares the labels in that program's output with DIR/expected.json; exit 1 on any
        difference.
"""

import argparse
import json
import math
import os
import sys

import cv2
import numpy as np

SIZE_SMALL, SIZE_LARGE = 0.01, 0.05
CIRC_IRREGULAR, CIRC_ROUND, ELONG_ROUND = 0.5, 0.8, 1.5
SPREAD_CORE = 0.7


def grid_cell(cx, cy, width, height):
    w_third, h_third = width / 3, height / 3
    col = "Left" if cx < w_third else ("Center" if cx < 2 * w_third else "Right")
    row = "Upper" if cy < h_third else ("Center" if cy < 2 * h_third else "Lower")
    if row == "Center" and col == "Center":
        return "Center of the Image"
    return "%s-%s Region" % (row, col)


def shape_label(circularity, elongation):
    if circularity < CIRC_IRREGULAR:
        return "Irregular/Spiculated"
    if circularity >= CIRC_ROUND and elongation <= ELONG_ROUND:
        return "Round/Oval"
    return "Lobulated"


def fit_box(points):
    """cv2.fitEllipse as the published code calls it; None for fewer than five points."""
    if len(points) < 5:
        return None
    (cx, cy), (a, b), angle = cv2.fitEllipse(points)
    return float(cx), float(cy), float(a), float(b), float(angle)


def fit_well_posed(points, trials=8):
    """Whether cv2.fitEllipse's answer on these points is decided by the points rather than by
    rounding: it must stay put (within 0.2 %) when the points move by at most 1e-4 pixel.
    Sets that fail are those with repeated points, points on a line pair, a singular centre
    system, and five-point sets where OpenCV's singularity test (on a matrix that is singular
    in exact arithmetic for five points) goes either way and the points get nudged or not."""
    if len({(int(x), int(y)) for x, y in points}) < 5:
        return False  # fewer than five distinct points fix no conic
    base = cv2.fitEllipse(points.reshape(-1, 1, 2).astype(np.float32))[1]
    rng = np.random.default_rng(len(points) * 7919 + int(np.abs(points).sum()))
    for _ in range(trials):
        moved = points.astype(np.float64) + rng.uniform(-1e-4, 1e-4, points.shape)
        sides = cv2.fitEllipse(moved.reshape(-1, 1, 2).astype(np.float32))[1]
        for x, y in zip(sorted(base), sorted(sides)):
            if not (math.isfinite(x) and math.isfinite(y)):
                return False
            if abs(x - y) > 2e-3 * max(abs(x), 1e-3):
                return False
    return True


def elongation_of(box):
    if box is None:
        return 1.0
    a, b = box[2], box[3]
    major, minor = max(a, b), min(a, b)
    return major / minor if minor > 0 else 1.0


def semantics(mask):
    height, width = mask.shape
    _, binary = cv2.threshold(mask, 127, 255, cv2.THRESH_BINARY)
    count, labels, stats, _ = cv2.connectedComponentsWithStats(binary, connectivity=8)
    if count <= 1:
        return None
    areas = stats[1:, cv2.CC_STAT_AREA]
    lesion = int(areas.sum())
    components = int(count - 1)
    dominant = int(np.argmax(areas)) + 1
    dominant_pixels = int(stats[dominant, cv2.CC_STAT_AREA])
    core_fraction = dominant_pixels / lesion
    if components == 1:
        spread = "Solitary Lesion"
    else:
        spread = "Dominant Core with Satellites" if core_fraction >= SPREAD_CORE else "Scattered/Multifocal"

    alone = (labels == dominant).astype(np.uint8) * 255
    contours, _ = cv2.findContours(alone, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    outline = contours[0]
    perimeter = float(cv2.arcLength(outline, True))
    circularity = (4 * math.pi * dominant_pixels) / (perimeter ** 2) if perimeter > 0 else 0.0
    box = fit_box(outline)
    elongation = elongation_of(box)

    area_ratio = lesion / (height * width)
    size = "Small/Focal" if area_ratio < SIZE_SMALL else ("Medium" if area_ratio < SIZE_LARGE else "Large/Extensive")
    m = cv2.moments(binary, binaryImage=True)
    cx, cy = m["m10"] / m["m00"], m["m01"] / m["m00"]
    ys, xs = np.nonzero(binary)
    numbers = {
        "area_ratio": area_ratio,
        "lesion_pixels": lesion,
        "components": components,
        "core_fraction": core_fraction,
        "dominant_pixels": dominant_pixels,
        "contour_area": float(cv2.contourArea(outline)),
        "perimeter": perimeter,
        "circularity": circularity,
        "elongation": elongation,
        "contour_points": int(len(outline)),
        "centroid": [cx, cy],
        "bbox": [int(xs.min()), int(ys.min()), int(xs.max() - xs.min() + 1), int(ys.max() - ys.min() + 1)],
    }
    if box is not None:
        numbers["ellipse"] = {"centre": [box[0], box[1]], "major": max(box[2], box[3]),
                              "minor": min(box[2], box[3]), "angle": box[4]}
    return {"size": size, "shape": shape_label(circularity, elongation), "spread": spread,
            "location": grid_cell(cx, cy, width, height), "numbers": numbers}


def dominant_label(mask):
    _, binary = cv2.threshold(mask, 127, 255, cv2.THRESH_BINARY)
    _, _, stats, _ = cv2.connectedComponentsWithStats(binary, connectivity=8)
    return int(np.argmax(stats[1:, cv2.CC_STAT_AREA])) + 1


def polygon_rule(mask):
    """What we measured before (for the comparison printed by --generate only): the largest
    outer contour by polygon area over the whole mask, circularity with that polygon's area."""
    binary = (mask > 127).astype(np.uint8) * 255
    contours, _ = cv2.findContours(binary, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    if not contours:
        return None
    largest = sorted(contours, key=lambda c: (-cv2.contourArea(c), int(c.reshape(-1, 2)[0][1]), int(c.reshape(-1, 2)[0][0])))[0]
    area = float(cv2.contourArea(largest))
    perimeter = float(cv2.arcLength(largest, True))
    circularity = 4 * math.pi * area / perimeter ** 2 if perimeter > 0 else 0.0
    first = largest.reshape(-1, 2)[0]
    return shape_label(circularity, elongation_of(fit_box(largest))), (int(first[0]), int(first[1]))


# ---------------------------------------------------------------------------------------------
# Fixture masks.
#
# The first part (discs … antialiased) is the original synthetic set, drawn from its own seed so
# those files do not change. The second part looks like real downloads: annotator outlines with
# hand jitter at BRISC (512²) and BraTS (240²) sizes, YOLO polygons rasterised the way the
# published converter does (Roboflow, 640²), tiny lesions of 2–30 pixels, thin enhancing rims
# (closed, open, with a nodule inside), lesions cut by the image border, several components whose
# largest by pixels is not the largest by polygon area, masks saved as JPEG (.jpg and .JPG) with
# compression noise on the edge, anti-aliased and resampled edges, and equal-sized components
# where OpenCV's label order (by 2×2 block) picks the dominant one.

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


def synthetic_cases():
    rng = np.random.default_rng(20240611)
    cases = []

    def add(name, img):
        cases.append((name + ".png", img))

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
    return [(name, img, None) for name, img in cases]


def hand_outline(rng, cx, cy, radius, roughness=0.18, vertices=None, elongation=1.0, angle=0.0):
    """Vertices of an outline as an annotator clicks it: a smoothly wandering radius (low
    harmonics for lobes, a little high-frequency hand tremor), uneven vertex spacing."""
    n = vertices or int(rng.integers(14, 48))
    t = np.sort(rng.uniform(0, 2 * math.pi, n))
    r = np.ones(n)
    for k in range(2, 6):
        r += roughness / k * rng.uniform(-1, 1) * np.cos(k * t + rng.uniform(0, 2 * math.pi))
    r += rng.normal(0, roughness / 6, n)
    r = radius * np.clip(r, 0.35, None)
    x, y = r * np.cos(t) * elongation, r * np.sin(t)
    ca, sa = math.cos(angle), math.sin(angle)
    return np.stack([cx + ca * x - sa * y, cy + sa * x + ca * y], axis=1)


def fill(img, pts, value=255, aa=False):
    if aa:
        cv2.fillPoly(img, [np.round(pts * 16).astype(np.int32)], value, lineType=cv2.LINE_AA, shift=4)
    else:
        cv2.fillPoly(img, [np.round(pts).astype(np.int32)], value)


def grow(rng, img, x, y, count, connectivity=8):
    """A tiny lesion: `count` pixels grown from a seed by random accretion."""
    h, w = img.shape
    pixels = {(x, y)}
    steps = [(1, 0), (-1, 0), (0, 1), (0, -1)] + ([(1, 1), (1, -1), (-1, 1), (-1, -1)] if connectivity == 8 else [])
    while len(pixels) < count:
        px, py = list(pixels)[int(rng.integers(0, len(pixels)))]
        dx, dy = steps[int(rng.integers(0, len(steps)))]
        if 0 <= px + dx < w and 0 <= py + dy < h:
            pixels.add((px + dx, py + dy))
    for px, py in pixels:
        img[py, px] = 255


def real_looking_cases():
    rng = np.random.default_rng(20250113)
    cases = []

    def add(name, img, ext=".png", quality=None):
        cases.append((name + ext, img, quality))

    brisc, brats, roboflow = (512, 512), (240, 240), (640, 640)

    # Annotator outlines (BRISC 512², BraTS 240²), solid fill, integer vertices.
    for i in range(30):
        w, h = brisc if i % 2 == 0 else brats
        img = np.zeros((h, w), np.uint8)
        radius = rng.uniform(6, min(w, h) / 6)
        fill(img, hand_outline(rng, rng.uniform(0.25, 0.75) * w, rng.uniform(0.25, 0.75) * h, radius,
                               roughness=rng.uniform(0.05, 0.45), elongation=rng.uniform(1.0, 1.9), angle=rng.uniform(0, math.pi)))
        add("annotator_%02d" % i, img)

    # Roboflow / YOLO-seg polygons rasterised like the published converter: normalised
    # coordinates scaled, clipped, truncated to int32, filled with 255.
    for i in range(10):
        w, h = roboflow
        img = np.zeros((h, w), np.uint8)
        pts = hand_outline(rng, rng.uniform(0.2, 0.8) * w, rng.uniform(0.2, 0.8) * h, rng.uniform(8, 90),
                           roughness=rng.uniform(0.05, 0.3), vertices=int(rng.integers(6, 30)))
        norm = pts / np.array([w, h])
        px = (norm.astype(np.float32) * np.array([w, h], np.float32))
        px[:, 0] = np.clip(px[:, 0], 0, w - 1)
        px[:, 1] = np.clip(px[:, 1], 0, h - 1)
        cv2.fillPoly(img, [px.astype(np.int32)], 255)
        add("yolo_%02d" % i, img)

    # Tiny lesions: 2–30 pixels grown at random, and the small fixed shapes annotators produce.
    for i in range(30):
        w, h = [brisc, brats, (256, 256)][i % 3]
        img = np.zeros((h, w), np.uint8)
        grow(rng, img, int(rng.integers(5, w - 5)), int(rng.integers(5, h - 5)), int(rng.integers(2, 31)), 8 if i % 3 else 4)
        add("tiny_%02d" % i, img)
    fixed = {
        "tiny_pair_horizontal": [(0, 0), (1, 0)],
        "tiny_pair_diagonal": [(0, 0), (1, 1)],
        "tiny_l3": [(0, 0), (0, 1), (1, 1)],
        "tiny_square4": [(0, 0), (1, 0), (0, 1), (1, 1)],
        "tiny_plus5": [(1, 0), (0, 1), (1, 1), (2, 1), (1, 2)],
        "tiny_x5": [(0, 0), (2, 0), (1, 1), (0, 2), (2, 2)],
        "tiny_rect6": [(x, y) for x in range(3) for y in range(2)],
        "tiny_disc13": [(x, y) for x in range(-2, 3) for y in range(-2, 3) if x * x + y * y <= 4],
        "tiny_bar1x7": [(x, 0) for x in range(7)],
    }
    for name, pixels in fixed.items():
        img = np.zeros(brats, np.uint8)
        for x, y in pixels:
            img[120 + y, 100 + x] = 255
        add(name, img)

    # Thin rims: ring enhancement 1–3 px wide, closed or open, sometimes with a nodule inside
    # (the nodule can hold more pixels than the rim around it).
    for i in range(18):
        w, h = brisc if i % 2 == 0 else brats
        img = np.zeros((h, w), np.uint8)
        cx, cy = rng.uniform(0.3, 0.7) * w, rng.uniform(0.3, 0.7) * h
        radius = rng.uniform(8, min(w, h) / 6)
        pts = hand_outline(rng, cx, cy, radius, roughness=rng.uniform(0.03, 0.25))
        thickness = int(rng.integers(1, 4))
        kind = i % 3
        if kind == 1:  # open rim (a gap, as where enhancement fades)
            pts = pts[: int(len(pts) * rng.uniform(0.6, 0.9))]
        cv2.polylines(img, [np.round(pts).astype(np.int32)], kind != 1, 255, thickness)
        if kind == 2:  # enhancing nodule inside the rim
            cv2.circle(img, (int(cx), int(cy)), int(radius * rng.uniform(0.3, 0.55)), 255, -1)
        add("rim_%02d" % i, img)

    # Lesions cut by the image border.
    for i in range(12):
        w, h = brisc if i % 2 == 0 else brats
        img = np.zeros((h, w), np.uint8)
        side = i % 4
        radius = rng.uniform(10, min(w, h) / 5)
        cx = [rng.uniform(-0.3, 0.3) * radius, w - 1 + rng.uniform(-0.3, 0.3) * radius, rng.uniform(0.3, 0.7) * w, rng.uniform(0.3, 0.7) * w][side]
        cy = [rng.uniform(0.3, 0.7) * h, rng.uniform(0.3, 0.7) * h, rng.uniform(-0.3, 0.3) * radius, h - 1 + rng.uniform(-0.3, 0.3) * radius][side]
        fill(img, hand_outline(rng, cx, cy, radius, roughness=rng.uniform(0.05, 0.3)))
        add("edge_%02d" % i, img)

    # Several components where the most pixels and the largest polygon are different ones:
    # a thin rim (large enclosed polygon, few pixels) beside a solid blob, a long thin lesion
    # beside a compact one of nearly the same pixel count, BraTS-like cores with satellites.
    for i in range(8):
        w, h = brisc if i % 2 == 0 else brats
        img = np.zeros((h, w), np.uint8)
        r = rng.uniform(12, min(w, h) / 8)
        cv2.polylines(img, [np.round(hand_outline(rng, w * 0.3, h * 0.5, r * 1.6, roughness=0.1)).astype(np.int32)], True, 255, int(rng.integers(1, 3)))
        fill(img, hand_outline(rng, w * 0.72, h * 0.5, r * rng.uniform(0.45, 0.8), roughness=0.15))
        add("rim_and_blob_%02d" % i, img)
    for i in range(8):
        w, h = brisc if i % 2 == 0 else brats
        img = np.zeros((h, w), np.uint8)
        r = rng.uniform(8, min(w, h) / 10)
        cv2.circle(img, (int(w * 0.7), int(h * 0.5)), int(r), 255, -1)
        compact = int((img > 127).sum())
        # A thin ellipse with a few more pixels than the disc: its polygon loses more area.
        minor = rng.uniform(1.5, 3.5)
        major = (compact * 1.03) / (math.pi * minor)
        other = np.zeros_like(img)
        cv2.ellipse(other, (int(w * 0.3), int(h * 0.5)), (int(round(major)), int(round(minor))), float(rng.uniform(0, 180)), 0, 360, 255, -1)
        img = np.maximum(img, other)
        add("thin_and_compact_%02d" % i, img)
    for i in range(10):
        w, h = brats
        img = np.zeros((h, w), np.uint8)
        cx, cy = rng.uniform(0.35, 0.65) * w, rng.uniform(0.35, 0.65) * h
        fill(img, hand_outline(rng, cx, cy, rng.uniform(18, 45), roughness=rng.uniform(0.15, 0.4)))
        if i % 2:  # necrotic hole
            fill(img, hand_outline(rng, cx, cy, rng.uniform(4, 10), roughness=0.2), value=0)
        for _ in range(int(rng.integers(1, 6))):
            a = rng.uniform(0, 2 * math.pi)
            d = rng.uniform(50, 80)
            fill(img, hand_outline(rng, cx + d * math.cos(a), cy + d * math.sin(a), rng.uniform(1.5, 9 if i < 5 else 22), roughness=0.2))
        add("brats_wt_%02d" % i, img)

    # JPEG masks: compression noise around the edge decides the > 127 rule pixel by pixel.
    for i in range(16):
        w, h = brisc if i % 2 == 0 else brats
        img = np.zeros((h, w), np.uint8)
        fill(img, hand_outline(rng, rng.uniform(0.3, 0.7) * w, rng.uniform(0.3, 0.7) * h, rng.uniform(4, min(w, h) / 7),
                               roughness=rng.uniform(0.05, 0.4)))
        if i % 4 == 3:
            fill(img, hand_outline(rng, w * 0.2, h * 0.2, rng.uniform(2, 6), roughness=0.1))
        add("jpeg_%02d" % i, img, ".JPG" if i in (5, 11) else ".jpg", int(rng.integers(55, 96)))

    # Anti-aliased outlines, and masks resampled from another size (bilinear grey edges).
    for i in range(12):
        w, h = brisc if i % 2 == 0 else brats
        img = np.zeros((h, w), np.uint8)
        fill(img, hand_outline(rng, rng.uniform(0.3, 0.7) * w, rng.uniform(0.3, 0.7) * h, rng.uniform(3, min(w, h) / 7),
                               roughness=rng.uniform(0.05, 0.35)), aa=True)
        if i % 3 == 2:
            img = cv2.GaussianBlur(img, (5, 5), 1.2)
        add("aa_outline_%02d" % i, img)
    for i in range(8):
        src = np.zeros((256, 256), np.uint8)
        fill(src, hand_outline(rng, rng.uniform(80, 176), rng.uniform(80, 176), rng.uniform(3, 40), roughness=0.25))
        target = brisc if i % 2 == 0 else brats
        add("resampled_%02d" % i, cv2.resize(src, target, interpolation=cv2.INTER_LINEAR))

    # Equal pixel counts: OpenCV numbers components by 2×2 block, so the one starting on the
    # next row but further left is label 1 and the dominant one.
    def tie(name, first, second, size=(64, 64)):
        img = np.zeros(size, np.uint8)
        for (ox, oy), pixels in ((first[0], first[1]), (second[0], second[1])):
            for x, y in pixels:
                img[oy + y, ox + x] = 255
        add(name, img)

    bar = [(x, 0) for x in range(9)]                          # 9 px, a line
    square = [(x, y) for x in range(3) for y in range(3)]     # 9 px, compact
    tie("tie_block_order_bar_first", ((30, 10), bar), ((4, 11), square))
    tie("tie_block_order_square_first", ((30, 10), square), ((4, 11), bar))
    tie("tie_same_row", ((4, 20), bar), ((30, 20), square))
    tie("tie_odd_row", ((30, 11), bar), ((4, 12), square))
    return cases


def all_cases():
    return synthetic_cases() + real_looking_cases()


def ellipse_cases(masks, rng):
    """Point sets for the ellipse parity test: every component outline of every fixture mask
    (up to 400 points) and small random sets, each with cv2.fitEllipse's box."""
    seen, out = set(), []

    def add(points, source):
        key = points.tobytes()
        if len(points) < 5 or key in seen:
            return
        seen.add(key)
        (cx, cy), (a, b), angle = cv2.fitEllipse(points.reshape(-1, 1, 2))
        # JSON has no NaN: a side OpenCV could not compute is written as the string "nan".
        out.append({"source": source, "well_posed": fit_well_posed(points), "points": points.reshape(-1).tolist(),
                    "box": [v if math.isfinite(v) else "nan" for v in (cx, cy, a, b, angle)]})

    for mask in masks:
        binary = (mask > 127).astype(np.uint8)
        count, labels = cv2.connectedComponents(binary, connectivity=8)
        for label in range(1, count):
            contours, _ = cv2.findContours((labels == label).astype(np.uint8), cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
            if len(contours[0]) <= 400:
                add(contours[0].reshape(-1, 2).astype(np.int32), "outline")
    # Outlines of tiny lesions (2–40 pixels, grown at random, 4- and 8-connected): where the
    # fit runs on 5–12 points, including the five-point sets OpenCV hands to its direct fit and
    # outlines that pass a pixel twice.
    for i in range(6000):
        img = np.zeros((24, 24), np.uint8)
        grow(rng, img, 12, 12, int(rng.integers(2, 41)), 8 if i % 2 else 4)
        count, labels, stats, _ = cv2.connectedComponentsWithStats(img, connectivity=8)
        dominant = int(np.argmax(stats[1:, cv2.CC_STAT_AREA])) + 1
        contours, _ = cv2.findContours((labels == dominant).astype(np.uint8), cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
        if len(contours[0]) <= 12:
            add(contours[0].reshape(-1, 2).astype(np.int32), "tiny outline")
    # Arbitrary small point sets (repeated and nearly collinear points): ill-conditioned fits.
    for i in range(600):
        n = [5, 5, 5, 6, 7, 8, 10, 14][i % 8]
        spread = [3, 6, 20, 100][i % 4]
        add(rng.integers(0, spread, (n, 2)).astype(np.int32), "random")
    for n in (5, 6, 9):  # collinear: the degenerate path
        add(np.array([[k, k] for k in range(n)], np.int32), "collinear")
        add(np.array([[3 * k, 7] for k in range(n)], np.int32), "collinear")
    return out


def tiny_lesion_cases(rng, count=3000):
    """Tiny lesions (2–40 pixels, one to three blobs grown at random, 4- or 8-connected) on a
    240² frame: each as its pixel list and the published rule's reading. The fit on five-point
    outlines and the pixel-count circularity are most at stake here."""
    out = []
    for i in range(count):
        img = np.zeros((240, 240), np.uint8)
        for _ in range(1 if i % 5 else int(rng.integers(2, 4))):
            grow(rng, img, int(rng.integers(20, 220)), int(rng.integers(20, 220)), int(rng.integers(2, 41)), 8 if i % 2 else 4)
        ys, xs = np.nonzero(img)
        s = semantics(img)
        _, labels, stats, _ = cv2.connectedComponentsWithStats(img, connectivity=8)
        alone = (labels == int(np.argmax(stats[1:, cv2.CC_STAT_AREA])) + 1).astype(np.uint8)
        outline = cv2.findContours(alone, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)[0][0].reshape(-1, 2)
        out.append({"pixels": np.stack([xs, ys], 1).reshape(-1).tolist(),
                    "labels": {k: s[k] for k in ("size", "shape", "spread", "location")},
                    "fit_well_posed": len(outline) < 5 or fit_well_posed(outline),
                    "circularity": s["numbers"]["circularity"],
                    # NaN when OpenCV's fit gives a NaN major side and a positive minor one
                    "elongation": s["numbers"]["elongation"] if math.isfinite(s["numbers"]["elongation"]) else "nan"})
    return out


def generate(out_dir):
    os.makedirs(out_dir, exist_ok=True)
    expected, masks = [], []
    changed, ratios, zero_polygon, other_component = [], {}, 0, []
    for name, img, quality in all_cases():
        path = os.path.join(out_dir, name)
        params = [cv2.IMWRITE_JPEG_QUALITY, quality] if quality else []
        ok, data = cv2.imencode(".jpg" if quality else ".png", img, params)
        assert ok
        with open(path, "wb") as f:
            f.write(data.tobytes())
        mask = cv2.imread(path, cv2.IMREAD_GRAYSCALE)  # judged as read back, like the published code
        masks.append(mask)
        s = semantics(mask)
        expected.append({"file": name, "width": int(mask.shape[1]), "height": int(mask.shape[0]), "semantics": s})
        if s is None:
            continue
        old_shape, old_start = polygon_rule(mask)
        if old_shape != s["shape"]:
            changed.append("%s: %s -> %s" % (name, old_shape, s["shape"]))
        # The published outline starts at the dominant component's first pixel in raster order.
        ys, xs = np.nonzero(cv2.connectedComponentsWithStats((mask > 127).astype(np.uint8), connectivity=8)[1] == dominant_label(mask))
        if (int(xs[0]), int(ys[0])) != old_start:
            other_component.append(name)
        dominant_polygon = s["numbers"]["contour_area"]
        if dominant_polygon > 0:
            category = os.path.splitext(name)[0].rstrip("0123456789").rstrip("_")
            ratios.setdefault(category, []).append(s["numbers"]["dominant_pixels"] / dominant_polygon)
        else:
            zero_polygon += 1
    for e in expected:  # the fixture's numbers must be plain JSON numbers
        if e["semantics"]:
            assert all(math.isfinite(v) for v in e["semantics"]["numbers"].values() if isinstance(v, float)), e["file"]
    with open(os.path.join(out_dir, "expected.json"), "w") as f:
        json.dump({"generator": "tools/semantics_reference.py", "opencv": cv2.__version__,
                   "rule": "published MM-NeuroOnco medical_semantic_mapping: A = dominant component pixel count",
                   "masks": expected}, f, indent=1)
    fits = ellipse_cases(masks, np.random.default_rng(7))
    with open(os.path.join(out_dir, "ellipse_fits.json"), "w") as f:
        json.dump({"generator": "tools/semantics_reference.py", "opencv": cv2.__version__, "fits": fits}, f, separators=(",", ":"))
    tiny = tiny_lesion_cases(np.random.default_rng(11))
    with open(os.path.join(out_dir, "tiny_lesions.json"), "w") as f:
        json.dump({"generator": "tools/semantics_reference.py", "opencv": cv2.__version__, "width": 240, "height": 240,
                   "lesions": tiny}, f, separators=(",", ":"))
    print("wrote %d masks, expected.json, %d ellipse fits and %d tiny lesions to %s" % (len(expected), len(fits), len(tiny), out_dir))
    print("shape labels that differ from the polygon-area rule: %d of %d" % (len(changed), sum(1 for e in expected if e["semantics"])))
    for c in changed:
        print("  " + c)
    print("masks whose dominant component (most pixels) is not the largest polygon: %d (%s)" % (len(other_component), ", ".join(other_component)))
    r = np.array([v for values in ratios.values() for v in values])
    print("dominant pixels / polygon area over %d masks (%d with a zero-area polygon left out): mean %.4f, median %.4f, min %.4f, max %.4f"
          % (len(r), zero_polygon, r.mean(), np.median(r), r.min(), r.max()))
    for category, values in sorted(ratios.items()):
        v = np.array(values)
        print("  %-22s %3d masks: mean %.4f, min %.4f, max %.4f" % (category, len(v), v.mean(), v.min(), v.max()))


def published_input(out_dir, out_json):
    entries = []
    for e in json.load(open(os.path.join(out_dir, "expected.json")))["masks"]:
        entries.append({"sample_id": e["file"], "has_mask": True, "mask_path": e["file"]})
    with open(out_json, "w") as f:
        json.dump(entries, f, indent=1)
    print("wrote %d entries to %s" % (len(entries), out_json))


def compare_published(out_dir, published_json):
    expected = {e["file"]: e["semantics"] for e in json.load(open(os.path.join(out_dir, "expected.json")))["masks"]}
    published = {e["sample_id"]: e.get("medical_semantics") for e in json.load(open(published_json))}
    differences = 0
    for name, ours in expected.items():
        theirs = published.get(name, "missing")
        mine = None if ours is None else {k: ours[k] for k in ("size", "shape", "spread", "location")}
        if theirs != mine:
            differences += 1
            print("%s: published %s, expected.json %s" % (name, theirs, mine))
    print("%d of %d masks agree on every label" % (len(expected) - differences, len(expected)))
    return 1 if differences else 0


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--generate", metavar="DIR")
    parser.add_argument("--mask", metavar="FILE")
    parser.add_argument("--published-input", nargs=2, metavar=("DIR", "OUT_JSON"))
    parser.add_argument("--compare-published", nargs=2, metavar=("DIR", "PUBLISHED_OUT_JSON"))
    args = parser.parse_args()
    if args.generate:
        generate(args.generate)
    elif args.mask:
        img = cv2.imread(args.mask, cv2.IMREAD_GRAYSCALE)
        if img is None:
            sys.exit("cannot read %s" % args.mask)
        print(json.dumps(semantics(img), indent=1))
    elif args.published_input:
        published_input(*args.published_input)
    elif args.compare_published:
        sys.exit(compare_published(*args.compare_published))
    else:
        parser.print_help()
        sys.exit(2)


if __name__ == "__main__":
    main()
