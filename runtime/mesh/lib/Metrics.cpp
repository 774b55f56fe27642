//===- Metrics.cpp - Sparsity, phase, power and length of a program -------===//
//
// See Metrics.h and docs/pruning.md.
//
//===----------------------------------------------------------------------===//
#include "photon/Runtime/Metrics.h"

#include "photon/Runtime/Convention.h"

#include <algorithm>

namespace photon::runtime {

namespace json = llvm::json;

double shifterPhase(const Mesh &mesh, int index) {
  const int mzis = mesh.mziCount();
  if (index < mzis)
    return mesh.theta[index];
  if (index < 2 * mzis)
    return mesh.phi[index - mzis];
  return mesh.outputPhases[index - 2 * mzis];
}

bool isShifterOff(const Mesh &mesh, int index) {
  if (!mesh.mask.empty() && mesh.mask[index] == 0)
    return true;
  return wrapPhase(shifterPhase(mesh, index)) == 0.0;
}

double ShifterStats::sparsity() const {
  return count == 0 ? 0.0 : static_cast<double>(off) / count;
}

double ShifterStats::meanPhase() const {
  return count == 0 ? 0.0 : phaseSum / count;
}

ShifterStats &ShifterStats::operator+=(const ShifterStats &other) {
  count += other.count;
  masked += other.masked;
  off += other.off;
  phaseSum += other.phaseSum;
  powerMw += other.powerMw;
  return *this;
}

/// Adds one shifter to `stats`; returns true when it is live.
static bool addShifter(ShifterStats &stats, double phase, bool masked,
                       const PowerModel &power) {
  ++stats.count;
  double wrapped = masked ? 0.0 : wrapPhase(phase);
  if (masked)
    ++stats.masked;
  if (wrapped == 0.0) {
    ++stats.off;
    return false;
  }
  stats.phaseSum += wrapped;
  stats.powerMw += power.heaterPower(wrapped);
  return true;
}

static MeshMetrics meshMetrics(const Layer &layer, int layerIndex,
                               const PowerModel &power, const AreaModel &area) {
  const Mesh &mesh = layer.mesh;
  MeshMetrics m;
  m.layerIndex = layerIndex;
  m.sourceLayer = layer.sourceLayer;
  m.factor = layer.factor;
  m.topology = mesh.topology;
  m.modes = mesh.modes;
  m.mzis = mesh.mziCount();
  m.columns = meshDepth(mesh.topology, mesh.modes);

  auto masked = [&](int index) {
    return !mesh.mask.empty() && mesh.mask[index] == 0;
  };
  const int mzis = m.mzis;
  const double lc = area.couplerLengthUm();
  const double lps = area.shifterLengthUm;
  std::vector<double> columnLength(static_cast<size_t>(m.columns), 0.0);
  std::vector<MziSite> sites = meshLayout(mesh.topology, mesh.modes);
  for (int k = 0; k < mzis; ++k) {
    int live = 0;
    live += addShifter(m.theta, mesh.theta[k], masked(k), power);
    live += addShifter(m.phi, mesh.phi[k], masked(mzis + k), power);
    double length = lc + lps * live;
    m.mziLengthUm += length;
    double &column = columnLength[sites[k].column];
    column = std::max(column, length);
  }
  for (double length : columnLength)
    m.depthLengthUm += length;
  for (int i = 0; i < mesh.modes; ++i)
    if (addShifter(m.outputs, mesh.outputPhases[i], masked(2 * mzis + i),
                   power))
      m.outputLengthUm += lps;
  m.prunable = m.theta;
  m.prunable += m.phi;
  return m;
}

static DiagonalMetrics diagonalMetrics(const Layer &layer, int layerIndex,
                                       const PowerModel &power,
                                       const AreaModel &area) {
  const Diagonal &d = layer.diagonal;
  DiagonalMetrics m;
  m.layerIndex = layerIndex;
  m.sourceLayer = layer.sourceLayer;
  m.factor = layer.factor;
  m.inputs = d.inputs;
  m.outputs = d.outputs;
  m.gain = d.gain;
  for (size_t i = 0; i < d.theta.size(); ++i) {
    bool masked = !d.mask.empty() && d.mask[i] == 0;
    if (addShifter(m.attenuators, d.theta[i], masked, power))
      m.lengthUm += area.couplerLengthUm() + area.shifterLengthUm;
  }
  return m;
}

double NetworkMetrics::totalPowerMw() const {
  return prunable.powerMw + outputs.powerMw + attenuators.powerMw;
}

int NetworkMetrics::totalLive() const {
  return prunable.live() + outputs.live() + attenuators.live();
}

double NetworkMetrics::totalLengthUm() const {
  return mziLengthUm + outputLengthUm + attenuatorLengthUm;
}

NetworkMetrics computeMetrics(const Program &program, const PowerModel &power,
                              const AreaModel &area) {
  NetworkMetrics metrics;
  metrics.power = power;
  metrics.area = area;
  for (size_t i = 0; i < program.layers.size(); ++i) {
    const Layer &layer = program.layers[i];
    if (layer.kind == LayerKind::Mesh) {
      MeshMetrics m = meshMetrics(layer, static_cast<int>(i), power, area);
      metrics.theta += m.theta;
      metrics.phi += m.phi;
      metrics.prunable += m.prunable;
      metrics.outputs += m.outputs;
      metrics.mziLengthUm += m.mziLengthUm;
      metrics.depthLengthUm += m.depthLengthUm;
      metrics.outputLengthUm += m.outputLengthUm;
      metrics.meshes.push_back(std::move(m));
    } else if (layer.kind == LayerKind::Diagonal) {
      DiagonalMetrics m =
          diagonalMetrics(layer, static_cast<int>(i), power, area);
      metrics.attenuators += m.attenuators;
      metrics.attenuatorLengthUm += m.lengthUm;
      metrics.diagonals.push_back(std::move(m));
    }
  }
  return metrics;
}

/// (base − current) / base, 0 when base is 0.
static double reduction(double base, double current) {
  return base == 0.0 ? 0.0 : (base - current) / base;
}

MetricsComparison compareMetrics(const NetworkMetrics &baseline,
                                 const NetworkMetrics &current) {
  MetricsComparison c;
  c.sparsityIncrease =
      current.prunable.sparsity() - baseline.prunable.sparsity();
  c.meanPhaseReduction =
      reduction(baseline.prunable.meanPhase(), current.prunable.meanPhase());
  c.meshPowerReduction =
      reduction(baseline.prunable.powerMw, current.prunable.powerMw);
  c.totalPowerReduction =
      reduction(baseline.totalPowerMw(), current.totalPowerMw());
  c.liveShifterReduction =
      reduction(baseline.prunable.live(), current.prunable.live());
  c.mziLengthReduction = reduction(baseline.mziLengthUm, current.mziLengthUm);
  c.depthLengthReduction =
      reduction(baseline.depthLengthUm, current.depthLengthUm);
  c.totalLengthReduction =
      reduction(baseline.totalLengthUm(), current.totalLengthUm());
  return c;
}

//===----------------------------------------------------------------------===//
// JSON
//===----------------------------------------------------------------------===//

json::Value toJson(const ShifterStats &s) {
  return json::Object{{"count", s.count},
                      {"masked", s.masked},
                      {"off", s.off},
                      {"live", s.live()},
                      {"sparsity", s.sparsity()},
                      {"mean_phase_rad", s.meanPhase()},
                      {"power_mw", s.powerMw}};
}

static json::Value provenance(int sourceLayer) {
  return sourceLayer < 0 ? json::Value(nullptr) : json::Value(sourceLayer);
}

json::Value toJson(const NetworkMetrics &m) {
  json::Array meshes;
  for (const MeshMetrics &mesh : m.meshes)
    meshes.push_back(json::Object{
        {"index", mesh.layerIndex},
        {"layer", provenance(mesh.sourceLayer)},
        {"factor", mesh.factor},
        {"topology", topologyName(mesh.topology)},
        {"modes", mesh.modes},
        {"mzis", mesh.mzis},
        {"columns", mesh.columns},
        {"prunable", toJson(mesh.prunable)},
        {"theta", toJson(mesh.theta)},
        {"phi", toJson(mesh.phi)},
        {"outputs", toJson(mesh.outputs)},
        {"length_um", json::Object{{"mzis", mesh.mziLengthUm},
                                   {"depth", mesh.depthLengthUm},
                                   {"outputs", mesh.outputLengthUm}}}});
  json::Array diagonals;
  for (const DiagonalMetrics &d : m.diagonals)
    diagonals.push_back(json::Object{{"index", d.layerIndex},
                                     {"layer", provenance(d.sourceLayer)},
                                     {"factor", d.factor},
                                     {"inputs", d.inputs},
                                     {"outputs", d.outputs},
                                     {"gain", d.gain},
                                     {"attenuators", toJson(d.attenuators)},
                                     {"length_um", d.lengthUm}});
  json::Object totals{
      {"prunable", toJson(m.prunable)},
      {"theta", toJson(m.theta)},
      {"phi", toJson(m.phi)},
      {"outputs", toJson(m.outputs)},
      {"attenuators", toJson(m.attenuators)},
      {"live_shifters", m.totalLive()},
      {"power_mw", json::Object{{"prunable", m.prunable.powerMw},
                                {"outputs", m.outputs.powerMw},
                                {"attenuators", m.attenuators.powerMw},
                                {"total", m.totalPowerMw()}}},
      {"length_um", json::Object{{"mzis", m.mziLengthUm},
                                 {"depth", m.depthLengthUm},
                                 {"outputs", m.outputLengthUm},
                                 {"attenuators", m.attenuatorLengthUm},
                                 {"total", m.totalLengthUm()}}}};
  return json::Object{
      {"power_model", json::Object{{"p_pi_mw", m.power.piPowerMilliwatts}}},
      {"area_model",
       json::Object{{"shifter_length_um", m.area.shifterLengthUm},
                    {"mzi_length_um", m.area.mziLengthUm},
                    {"coupler_length_um", m.area.couplerLengthUm()}}},
      {"totals", std::move(totals)},
      {"meshes", std::move(meshes)},
      {"diagonals", std::move(diagonals)}};
}

json::Value toJson(const MetricsComparison &c) {
  return json::Object{{"sparsity_increase", c.sparsityIncrease},
                      {"mean_phase_reduction", c.meanPhaseReduction},
                      {"mesh_power_reduction", c.meshPowerReduction},
                      {"total_power_reduction", c.totalPowerReduction},
                      {"live_shifter_reduction", c.liveShifterReduction},
                      {"mzi_length_reduction", c.mziLengthReduction},
                      {"depth_length_reduction", c.depthLengthReduction},
                      {"total_length_reduction", c.totalLengthReduction}};
}

} // namespace photon::runtime
