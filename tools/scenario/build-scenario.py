#!/usr/bin/env python3
"""Builds resources/scenario/nantong-scenario.json: the Nantong monitoring network of the 14th five-year
plan (end-2020 counts), its teams, depots and industrial parks, for the central service, the station
simulator and the tests.

Deterministic: a seeded RNG and sorted inputs; running it twice gives the same bytes.
Only the 9 national air stations are real (code, name, position from
maps/sources/stations/air_stations_nantong.csv). Every other site is SYNTHETIC: plausible kinds, counts,
names and positions, marked "synthetic": true. Industrial park centres are approximate
("approximate": true). Every site is checked here: inside its county polygon and on land
(GSHHG full land), except marine points, which must lie in the sea, outside every county polygon.

Usage: tools/scenario/build-scenario.py [--check]   (--check: verify the committed file is up to date)
"""

import csv
import json
import math
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SOURCES = ROOT / "maps" / "sources"
OUTPUT = ROOT / "resources" / "scenario" / "nantong-scenario.json"
SEED = 20201231

COUNTIES = {  # code: (name, team id)
    320613: ("崇川区", "city"),
    320612: ("通州区", "city"),
    320614: ("海门区", "haimen"),
    320685: ("海安市", "haian"),
    320682: ("如皋市", "rugao"),
    320623: ("如东县", "rudong"),
    320681: ("启东市", "qidong"),
}
SHORT = {320613: "崇川", 320612: "通州", 320614: "海门", 320685: "海安", 320682: "如皋", 320623: "如东",
         320681: "启东"}

# HJ 212 factor codes used by the scenario (standards.md §1.8). Marine points reuse the water codes.
FACTORS = [
    ("a21026", "02", "二氧化硫", "SO2", "μg/m³"),
    ("a21004", "", "二氧化氮", "NO2", "μg/m³"),
    ("a34002", "", "可吸入颗粒物", "PM10", "μg/m³"),
    ("a34004", "", "细颗粒物", "PM2.5", "μg/m³"),
    ("a21005", "04", "一氧化碳", "CO", "mg/m³"),
    ("a05024", "", "臭氧", "O3", "μg/m³"),
    ("a01001", "", "温度", "Air temperature", "°C"),
    ("a01007", "", "风速", "Wind speed", "m/s"),
    ("a01008", "", "风向", "Wind direction", "°"),
    ("a24088", "", "非甲烷总烃", "NMHC", "mg/m³"),
    ("w01001", "001", "pH值", "pH", ""),
    ("w01009", "", "溶解氧", "Dissolved oxygen", "mg/L"),
    ("w01010", "", "水温", "Water temperature", "°C"),
    ("w01014", "", "电导率", "Conductivity", "μS/cm"),
    ("w01019", "", "高锰酸盐指数", "Permanganate index", "mg/L"),
    ("w21003", "060", "氨氮", "Ammonia nitrogen", "mg/L"),
    ("w21011", "101", "总磷", "Total phosphorus", "mg/L"),
    ("w21001", "065", "总氮", "Total nitrogen", "mg/L"),
    ("w22001", "080", "石油类", "Petroleum", "mg/L"),
    ("w00000", "B01", "污水流量", "Wastewater flow", "L/s"),
    ("w01018", "011", "化学需氧量", "COD", "mg/L"),
    ("a00000", "B02", "废气流量", "Flue gas flow", "m³/s"),
    ("a21002", "03", "氮氧化物", "NOx", "mg/m³"),
    ("a34013", "01", "烟尘", "Smoke dust", "mg/m³"),
    ("a19001", "S01", "氧气含量", "Oxygen", "%"),
    ("LA", "", "A声级", "A-weighted level", "dB(A)"),
    ("Leq", "", "等效声级", "Equivalent level", "dB(A)"),
    ("L10", "", "累积百分声级L10", "L10", "dB(A)"),
    ("L90", "", "累积百分声级L90", "L90", "dB(A)"),
]
AIR_FACTORS = ["a21026", "a21004", "a34002", "a34004", "a21005", "a05024"]
PARK_AIR_FACTORS = AIR_FACTORS + ["a24088"]
WATER_FACTORS = ["w01001", "w01009", "w01010", "w01014", "w01019", "w21003", "w21011"]
LAKE_FACTORS = WATER_FACTORS + ["w21001"]
MARINE_FACTORS = ["w01001", "w01009", "w01010", "w01014", "w21003", "w22001"]
NOISE_FACTORS = ["LA", "Leq", "L10", "L90"]

# 17 provincial-or-higher industrial parks (plan: "全市17个省级以上工业园区"). Names are the parks'
# public names; centres are APPROXIMATE (hand-placed from general knowledge, not surveyed).
PARKS = [
    ("P01", "南通经济技术开发区", 320613, 120.975, 31.935, True),
    ("P02", "南通高新技术产业开发区", 320612, 121.085, 32.050, False),
    ("P03", "南通市北高新技术产业开发区", 320613, 120.830, 32.065, False),
    ("P04", "南通崇川经济开发区", 320613, 120.925, 32.005, False),
    ("P05", "南通苏锡通科技产业园区", 320612, 121.030, 31.880, False),
    ("P06", "海门经济技术开发区", 320614, 121.205, 31.905, False),
    ("P07", "海门工业园区", 320614, 121.330, 31.960, False),
    ("P08", "海门港新区", 320614, 121.470, 32.060, False),
    ("P09", "海安高新技术产业开发区", 320685, 120.470, 32.520, False),
    ("P10", "海安经济技术开发区", 320685, 120.425, 32.560, False),
    ("P11", "如皋经济技术开发区", 320682, 120.590, 32.350, False),
    ("P12", "如皋高新技术产业开发区", 320682, 120.535, 32.400, False),
    ("P13", "如皋港化工新材料产业园", 320682, 120.500, 32.045, True),
    ("P14", "如东经济开发区", 320623, 121.200, 32.320, False),
    ("P15", "如东沿海经济开发区（洋口化学工业园）", 320623, 120.990, 32.540, True),
    ("P16", "启东经济开发区（滨江精细化工园）", 320681, 121.560, 31.790, True),
    ("P17", "启东吕四港经济开发区", 320681, 121.600, 32.060, True),
]

CATALOGUE = [
    ("oil-absorbent-felt", "吸油毡", "material", "kg"),
    ("oil-boom", "围油栏", "material", "m"),
    ("activated-carbon", "活性炭", "material", "t"),
    ("absorbent-cotton", "吸附棉", "material", "kg"),
    ("quicklime", "生石灰", "material", "t"),
    ("caustic-soda", "片碱", "material", "t"),
    ("oil-dispersant", "消油剂", "material", "L"),
    ("sandbag", "沙袋", "material", "个"),
    ("chemical-suit", "防化服", "material", "套"),
    ("gas-mask", "防毒面具", "material", "个"),
    ("monitoring-vehicle", "应急监测车", "equipment", "辆"),
    ("portable-gc", "便携式气相色谱仪", "equipment", "台"),
    ("portable-gcms", "便携式气质联用仪", "equipment", "台"),
    ("multi-gas-detector", "便携式多气体检测仪", "equipment", "台"),
    ("water-analyzer", "便携式多参数水质分析仪", "equipment", "台"),
    ("drone", "无人机", "equipment", "架"),
    ("assault-boat", "冲锋舟", "equipment", "艘"),
    ("generator", "移动发电机", "equipment", "台"),
]
# Base stock per depot (the city depot holds twice this); minimum stock is half of the base.
BASE_STOCK = {
    "oil-absorbent-felt": 500, "oil-boom": 400, "activated-carbon": 10, "absorbent-cotton": 300,
    "quicklime": 20, "caustic-soda": 5, "oil-dispersant": 200, "sandbag": 2000, "chemical-suit": 30,
    "gas-mask": 60, "monitoring-vehicle": 1, "portable-gc": 1, "portable-gcms": 1, "multi-gas-detector": 6,
    "water-analyzer": 4, "drone": 2, "assault-boat": 1, "generator": 2,
}

TEAMS = [  # id, name, counties, seat county for the base
    ("city", "南通市生态环境监测站", [320613, 320612], 320613),
    ("haimen", "海门区环境监测站", [320614], 320614),
    ("haian", "海安市环境监测站", [320685], 320685),
    ("rugao", "如皋市环境监测站", [320682], 320682),
    ("rudong", "如东县环境监测站", [320623], 320623),
    ("qidong", "启东市环境监测站", [320681], 320681),
]

INDUSTRIES = [  # name part, outlet kind ("water" or "gas"), weight
    ("化工", "water", 4), ("热电", "gas", 2), ("纺织印染", "water", 3), ("船舶重工", "gas", 1),
    ("医药", "water", 2), ("污水处理", "water", 3), ("钢铁", "gas", 1), ("电子", "water", 1),
    ("建材", "gas", 1), ("造纸", "water", 1), ("食品", "water", 1), ("家纺", "water", 1),
]
WATER_LIMITS = [("w01018", 500.0, "mg/L"), ("w21003", 45.0, "mg/L"), ("w21011", 8.0, "mg/L"),
                ("w01001", 9.0, "")]
DIRECT_WATER_LIMITS = [("w01018", 50.0, "mg/L"), ("w21003", 5.0, "mg/L"), ("w21011", 0.5, "mg/L"),
                       ("w01001", 9.0, "")]
GAS_LIMITS = [("a21026", 35.0, "mg/m³"), ("a21002", 50.0, "mg/m³"), ("a34013", 10.0, "mg/m³")]
GAS_LIMITS_INDUSTRY = [("a21026", 200.0, "mg/m³"), ("a21002", 300.0, "mg/m³"), ("a34013", 20.0, "mg/m³")]


# --- geometry -------------------------------------------------------------------------------------

def rings_of(geometry):
    if geometry["type"] == "Polygon":
        return [ring for ring in geometry["coordinates"]]
    return [ring for polygon in geometry["coordinates"] for ring in polygon]


class Area:
    """Even-odd point-in-polygon over all rings with a bounding-box pre-check."""

    def __init__(self, rings):
        self.rings = rings
        xs = [p[0] for r in rings for p in r]
        ys = [p[1] for r in rings for p in r]
        self.box = (min(xs), min(ys), max(xs), max(ys))

    def contains(self, x, y):
        if not (self.box[0] <= x <= self.box[2] and self.box[1] <= y <= self.box[3]):
            return False
        inside = False
        for ring in self.rings:
            n = len(ring)
            j = n - 1
            for i in range(n):
                xi, yi = ring[i][0], ring[i][1]
                xj, yj = ring[j][0], ring[j][1]
                if (yi > y) != (yj > y) and x < (xj - xi) * (y - yi) / (yj - yi) + xi:
                    inside = not inside
                j = i
        return inside

    def distance_km(self, x, y):
        best = float("inf")
        for ring in self.rings:
            for px, py in ring:
                dx = (px - x) * 111.0 * math.cos(math.radians(y))
                dy = (py - y) * 111.0
                best = min(best, math.hypot(dx, dy))
        return best


def load_geometry():
    counties = {}
    for feature in json.load(open(SOURCES / "admin" / "nantong_counties.geojson", encoding="utf-8"))["features"]:
        counties[int(feature["properties"]["code"])] = Area(rings_of(feature["geometry"]))
    land_geometry = json.load(open(SOURCES / "water" / "land_gshhg_full.geojson", encoding="utf-8"))
    land = Area([r for f in land_geometry["features"] for r in rings_of(f["geometry"])])
    seats = {}
    for feature in json.load(open(SOURCES / "admin" / "nantong_county_seats.geojson", encoding="utf-8"))["features"]:
        seats[int(feature["properties"]["code"])] = tuple(feature["geometry"]["coordinates"])
    towns = []
    for feature in json.load(open(SOURCES / "places" / "towns_geonames_cities500.geojson", encoding="utf-8"))["features"]:
        p = feature["properties"]
        if p.get("in_nantong") and p.get("name_zh") and p.get("county_code"):
            x, y = feature["geometry"]["coordinates"]
            towns.append((int(p["county_code"]), p["name_zh"], x, y, p.get("population") or 0))
    towns.sort(key=lambda t: (t[0], -t[4], t[1]))
    return counties, land, seats, towns


# --- generator ------------------------------------------------------------------------------------

class Generator:
    def __init__(self):
        self.rng = random.Random(SEED)
        self.counties, self.land, self.seats, self.towns = load_geometry()
        self.mns = set()
        self.sites = []
        self.counters = {}

    def valid_land(self, county, x, y):
        return self.counties[county].contains(x, y) and self.land.contains(x, y)

    def place_near(self, county, x, y, spread_km):
        """A point on land inside the county, near (x, y): the point itself if valid, else random tries
        in a growing disc."""
        if self.valid_land(county, x, y):
            return round(x, 6), round(y, 6)
        radius = max(spread_km, 0.5)
        for attempt in range(4000):
            angle = self.rng.uniform(0, 2 * math.pi)
            distance = radius * math.sqrt(self.rng.random())
            px = x + distance * math.cos(angle) / (111.0 * math.cos(math.radians(y)))
            py = y + distance * math.sin(angle) / 111.0
            if self.valid_land(county, px, py):
                return round(px, 6), round(py, 6)
            if attempt % 200 == 199:
                radius *= 1.5
        raise RuntimeError(f"no land point in county {county} near {x},{y}")

    def random_point(self, county):
        box = self.counties[county].box
        while True:
            x = self.rng.uniform(box[0], box[2])
            y = self.rng.uniform(box[1], box[3])
            if self.valid_land(county, x, y):
                return round(x, 6), round(y, 6)

    def jitter(self, county, x, y, km):
        angle = self.rng.uniform(0, 2 * math.pi)
        distance = km * math.sqrt(self.rng.random())
        px = x + distance * math.cos(angle) / (111.0 * math.cos(math.radians(y)))
        py = y + distance * math.sin(angle) / 111.0
        return self.place_near(county, px, py, km)

    def mn(self):
        while True:
            value = "%024X" % self.rng.getrandbits(96)
            if value not in self.mns:
                self.mns.add(value)
                return value

    def password(self):
        alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789"
        return "".join(self.rng.choice(alphabet) for _ in range(6))

    def next_id(self, prefix):
        self.counters[prefix] = self.counters.get(prefix, 0) + 1
        return "%s-%04d" % (prefix, self.counters[prefix])

    def add(self, prefix, name, kind, county, x, y, factors, **extra):
        site = {
            "id": extra.pop("id", None) or self.next_id(prefix),
            "name": name,
            "kind": kind,
            "stationCode": extra.pop("stationCode", ""),
            "network": extra.pop("network", ""),
            "countyCode": county,
            "longitude": x,
            "latitude": y,
            "mn": self.mn(),
            "password": self.password(),
            "protocolVersion": "2005" if self.rng.random() < 0.1 else "2017",
            "waterTargetClass": extra.pop("waterTargetClass", 0),
            "waterBody": extra.pop("waterBody", "none"),
            "noiseZone": extra.pop("noiseZone", ""),
            "parkId": extra.pop("parkId", ""),
            "factorCodes": factors,
            "permittedLimits": extra.pop("permittedLimits", []),
            "approximateLocation": extra.pop("approximateLocation", False),
            "synthetic": extra.pop("synthetic", True),
        }
        assert not extra, extra
        self.sites.append(site)
        return site

    # Sites ------------------------------------------------------------------------------------

    def distribute(self, total, weights):
        """Splits total over the counties in proportion to weights (largest remainder, stable order)."""
        codes = sorted(weights)
        whole = sum(weights.values())
        shares = {c: total * weights[c] / whole for c in codes}
        result = {c: int(shares[c]) for c in codes}
        rest = total - sum(result.values())
        for c in sorted(codes, key=lambda c: (-(shares[c] - result[c]), c))[:rest]:
            result[c] += 1
        return result

    def air(self):
        with open(SOURCES / "stations" / "air_stations_nantong.csv", encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                county = int(row["county_code"])
                x, y = float(row["lon"]), float(row["lat"])
                if not self.valid_land(county, x, y):
                    raise RuntimeError(f"real station {row['station_code']} is not on land in its county")
                self.add("AIR", row["name_zh"], "air-national", county, x, y, AIR_FACTORS,
                         id="AIR-" + row["station_code"], stationCode=row["station_code"], network="national",
                         approximateLocation="2 decimals" in row["notes"], synthetic=False)
        provincial = {320613: 1, 320612: 1, 320614: 1, 320685: 2, 320682: 2, 320623: 2, 320681: 2}
        for county in sorted(provincial):
            sx, sy = self.seats[county]
            for i in range(provincial[county]):
                x, y = self.jitter(county, sx, sy, 6)
                self.add("AIR", f"{SHORT[county]}省控点{i + 1}", "air-provincial", county, x, y, AIR_FACTORS,
                         network="provincial")
        # Township stations: the plan says nearly every town and sub-district has one (86).
        township = self.distribute(86, {c: sum(1 for t in self.towns if t[0] == c) for c in COUNTIES})
        for county in sorted(township):
            towns = [t for t in self.towns if t[0] == county]
            for i in range(township[county]):
                if i < len(towns):
                    _, name, tx, ty, _ = towns[i]
                    x, y = self.place_near(county, tx, ty, 1.5)
                else:
                    name = f"{SHORT[county]}乡镇点{i + 1}"
                    x, y = self.random_point(county)
                self.add("AIR", f"{name}空气站", "air-township", county, x, y, AIR_FACTORS, network="township")
        # 13 stations up- and downwind of the 5 chemical parks.
        chemical = [p for p in self.parks if p["chemical"]]
        for index in range(13):
            park = chemical[index % len(chemical)]
            side = ["上风向", "下风向", "边界"][index // len(chemical)]
            x, y = self.jitter(park["countyCode"], park["longitude"], park["latitude"], 3)
            self.add("AIR", f"{park['name']}{side}站", "air-park", park["countyCode"], x, y, PARK_AIR_FACTORS,
                     network="chemical-park", parkId=park["id"])
        x, y = self.place_near(320614, 121.05, 31.86, 3)
        self.add("AIR", "通海港区码头站", "air-port", 320614, x, y, AIR_FACTORS, network="port",
                 approximateLocation=True)
        x, y = self.place_near(320613, 120.90, 31.99, 2)
        self.add("AIR", "南通大气超级站", "air-super", 320613, x, y, AIR_FACTORS + ["a01001", "a01007", "a01008"],
                 network="super", approximateLocation=True)
        for county, name in [(320613, "工农路路边站"), (320613, "青年路路边站"), (320612, "金沙路边站")]:
            sx, sy = self.seats[county]
            x, y = self.jitter(county, sx, sy, 3)
            self.add("AIR", name, "air-roadside", county, x, y, ["a21004", "a34002", "a34004", "a21005"],
                     network="roadside")

    def water(self):
        weights = {320613: 2, 320612: 3, 320614: 3, 320685: 3, 320682: 3, 320623: 3, 320681: 3}

        def station(name, network, county, target, body="river", kind="surface-water"):
            x, y = self.random_point(county)
            self.add("WAT", name, kind, county, x, y, LAKE_FACTORS if body == "lake" else WATER_FACTORS,
                     network=network, waterTargetClass=target, waterBody=body)

        for network, label, total, classes in [
            ("national", "国控断面", 13, [2, 3, 3]),
            ("provincial", "省控断面", 31, [3, 3, 4]),
            ("tributary", "入江支流", 16, [3, 4]),
            ("sea-bound", "入海河流", 7, [4]),
            ("compensation", "生态补偿断面", 3, [3]),
        ]:
            if network == "sea-bound":
                split = {320623: 3, 320681: 2, 320614: 1, 320612: 1}  # the coastal counties
            else:
                split = self.distribute(total, weights)
            for county in sorted(split):
                for i in range(split[county]):
                    body = "lake" if network == "provincial" and self.rng.random() < 0.08 else "river"
                    station(f"{SHORT[county]}{label}{i + 1}", network, county, self.rng.choice(classes), body)
        drinking = {320613: 1, 320614: 1, 320685: 1, 320682: 1, 320623: 1, 320681: 1, 320612: 1}
        for county in sorted(drinking):
            station(f"{SHORT[county]}饮用水源地", "drinking-water", county, 2,
                    "lake" if county in (320685, 320623) else "river", "drinking-water")
        for county, count in [(320612, 10), (320685, 16)]:  # township water stations (pilots)
            for i in range(count):
                station(f"{SHORT[county]}乡镇水站{i + 1}", "township", county, self.rng.choice([3, 4]))
        for index, park in enumerate([p for p in self.parks if p["chemical"]]):
            x, y = self.jitter(park["countyCode"], park["longitude"], park["latitude"], 4)
            self.add("WAT", f"{park['name']}下游断面", "surface-water", park["countyCode"], x, y, WATER_FACTORS,
                     network="chemical-park-downstream", waterTargetClass=4, waterBody="river", parkId=park["id"])

    def noise(self):
        zones = ["1", "1", "2", "2", "2", "3", "4a", "4b"]
        centres = [(120.87, 32.02), (120.89, 32.00), (120.85, 32.04), (120.90, 32.03), (120.83, 32.07),
                   (120.80, 32.06), (120.96, 31.95), (120.98, 31.92)]
        for index, zone in enumerate(zones):
            x, y = self.place_near(320613, centres[index][0], centres[index][1], 1.5)
            self.add("NOI", f"崇川噪声站{index + 1}（{zone}类区）", "noise", 320613, x, y, NOISE_FACTORS,
                     network="urban-noise", noiseZone=zone)

    def marine(self):
        coast = [c for c in (320623, 320681, 320614, 320612)]
        placed = 0
        while placed < 16:
            x = self.rng.uniform(120.95, 122.1)
            y = self.rng.uniform(31.75, 32.75)
            if self.land.contains(x, y) or any(a.contains(x, y) for a in self.counties.values()):
                continue
            # The Yellow Sea off Nantong: east of the estuary mouth (not the Yangtze), 3-40 km offshore.
            if y < 31.95 and x < 121.75:
                continue
            distances = {c: self.counties[c].distance_km(x, y) for c in coast}
            county = min(distances, key=lambda c: (distances[c], c))
            if not 3 <= distances[county] <= 40:
                continue
            placed += 1
            self.add("MAR", f"近岸海域观测点{placed}", "marine", county, round(x, 6), round(y, 6), MARINE_FACTORS,
                     network="marine")

    def sources(self):
        weights = {320613: 3, 320612: 3, 320614: 3, 320685: 3, 320682: 3, 320623: 3, 320681: 3}
        split = self.distribute(377, weights)
        industries = [i for i in INDUSTRIES for _ in range(i[2])]
        for county in sorted(split):
            parks = [p for p in self.parks if p["countyCode"] == county]
            for i in range(split[county]):
                industry, outlet, _ = self.rng.choice(industries)
                park = self.rng.choice(parks) if parks and self.rng.random() < 0.6 else None
                if park:
                    x, y = self.jitter(county, park["longitude"], park["latitude"], 5)
                else:
                    x, y = self.random_point(county)
                name = f"{SHORT[county]}{industry}企业{i + 1:03d}"
                if outlet == "water":
                    direct = industry == "污水处理"
                    limits = DIRECT_WATER_LIMITS if direct else WATER_LIMITS
                    factors = ["w00000", "w01018", "w21003", "w21011", "w01001"]
                    name += "（废水总排口）"
                else:
                    limits = GAS_LIMITS if industry == "热电" else GAS_LIMITS_INDUSTRY
                    factors = ["a00000", "a21026", "a21002", "a34013", "a19001"]
                    name += "（废气排放口）"
                self.add("SRC", name, "pollution-source", county, x, y, factors, network="key-discharger",
                         parkId=park["id"] if park else "",
                         permittedLimits=[{"factorCode": c, "limit": v, "unit": u} for c, v, u in limits])

    # Everything -------------------------------------------------------------------------------

    def build(self):
        self.parks = []
        for pid, name, county, x, y, chemical in PARKS:
            px, py = self.place_near(county, x, y, 2)
            self.parks.append({"id": pid, "name": name, "countyCode": county, "longitude": px, "latitude": py,
                               "chemical": chemical, "approximate": True})
        self.air()
        self.water()
        self.noise()
        self.marine()
        self.sources()
        teams, depots = [], []
        for tid, name, counties, seat in TEAMS:
            sx, sy = self.seats[seat]
            x, y = self.place_near(seat, sx, sy, 1)
            teams.append({"id": tid, "name": name, "countyCodes": counties, "longitude": x, "latitude": y})
            dx, dy = self.jitter(seat, sx, sy, 4)
            factor = 2 if tid == "city" else 1
            depots.append({
                "id": "DEP-" + tid, "name": (name.replace("环境监测站", "").replace("生态环境监测站", "")
                                             + "应急物资储备库"),
                "countyCode": seat, "teamId": tid, "longitude": dx, "latitude": dy,
                "inventory": [{"itemCode": code, "quantity": BASE_STOCK[code] * factor, "reserved": 0,
                               "minimumStock": BASE_STOCK[code] / 2 * factor} for code, *_ in CATALOGUE],
            })
        users = [
            {"id": "duty", "displayName": "值班员", "role": "duty-officer", "teamId": ""},
            {"id": "coordinator", "displayName": "应急协调员", "role": "emergency-coordinator", "teamId": ""},
            {"id": "viewer", "displayName": "只读用户", "role": "viewer", "teamId": ""},
        ] + [{"id": "team-" + t[0], "displayName": t[1], "role": "county-team", "teamId": t[0]} for t in TEAMS]
        self.verify()
        return {
            "format": "jianghai-scenario",
            "version": 1,
            "name": "南通市生态环境监测网络（“十三五”末）",
            "seed": SEED,
            "note": ("Generated by tools/scenario/build-scenario.py. Only the 9 national air stations are real "
                     "(CNEMC list); all other sites are synthetic (\"synthetic\": true); park centres are "
                     "approximate. Counts follow the Nantong 14th five-year monitoring plan (end of 2020)."),
            "counties": [{"code": c, "name": COUNTIES[c][0], "teamId": COUNTIES[c][1]} for c in sorted(COUNTIES)],
            "factors": [{"code": c, "legacyCode": l, "nameZh": z, "nameEn": e, "unit": u} for c, l, z, e, u in FACTORS],
            "parks": self.parks,
            "sites": self.sites,
            "teams": teams,
            "catalogue": [{"code": c, "name": n, "category": k, "unit": u} for c, n, k, u in CATALOGUE],
            "depots": depots,
            "users": users,
        }

    def verify(self):
        ids = [s["id"] for s in self.sites]
        assert len(ids) == len(set(ids)), "duplicate site ids"
        assert len(self.mns) == len(self.sites), "duplicate MNs"
        for site in self.sites:
            x, y, county = site["longitude"], site["latitude"], site["countyCode"]
            assert len(site["mn"]) == 24 and len(site["password"]) == 6
            if site["kind"] == "marine":
                assert not self.land.contains(x, y), site
                assert not any(a.contains(x, y) for a in self.counties.values()), site
            else:
                assert self.valid_land(county, x, y), site


def main():
    document = Generator().build()
    text = json.dumps(document, ensure_ascii=False, indent=1) + "\n"
    if "--check" in sys.argv:
        if OUTPUT.read_text(encoding="utf-8") != text:
            print("nantong-scenario.json is out of date: run tools/scenario/build-scenario.py", file=sys.stderr)
            return 1
        return 0
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    OUTPUT.write_text(text, encoding="utf-8")
    counts = {}
    for site in document["sites"]:
        counts[site["kind"]] = counts.get(site["kind"], 0) + 1
    print(f"wrote {OUTPUT.relative_to(ROOT)}: {len(document['sites'])} sites {counts}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
