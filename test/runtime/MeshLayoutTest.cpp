//===- MeshLayoutTest.cpp - Clements and Reck layouts ---------------------===//
#include "TestUtil.h"
#include "photon/Runtime/MeshLayout.h"

#include <gtest/gtest.h>

#include <set>

using namespace photon::runtime;

namespace {

TEST(MeshLayout, Names) {
  EXPECT_STREQ(topologyName(Topology::Clements), "clements");
  EXPECT_STREQ(topologyName(Topology::Reck), "reck");
  EXPECT_EQ(parseTopology("clements"), Topology::Clements);
  EXPECT_EQ(parseTopology("reck"), Topology::Reck);
  EXPECT_FALSE(parseTopology("Clements").has_value());
  EXPECT_FALSE(parseTopology("").has_value());
}

TEST(MeshLayout, CountsAndDepths) {
  EXPECT_EQ(mziCount(0), 0);
  EXPECT_EQ(mziCount(1), 0);
  EXPECT_EQ(mziCount(2), 1);
  EXPECT_EQ(mziCount(16), 120);
  EXPECT_EQ(meshDepth(Topology::Clements, 16), 16);
  EXPECT_EQ(meshDepth(Topology::Reck, 16), 29);
  EXPECT_EQ(meshDepth(Topology::Reck, 1), 0);
  EXPECT_EQ(meshDepth(Topology::Reck, 2), 1);
  EXPECT_EQ(meshDepth(Topology::Clements, 1), 1);
}

class LayoutTest : public ::testing::TestWithParam<std::tuple<Topology, int>> {};

TEST_P(LayoutTest, Invariants) {
  auto [topology, n] = GetParam();
  std::vector<MziSite> sites = meshLayout(topology, n);
  ASSERT_EQ(static_cast<int>(sites.size()), n * (n - 1) / 2);
  ASSERT_EQ(static_cast<int>(sites.size()), mziCount(n));
  const int depth = meshDepth(topology, n);
  std::vector<std::set<int>> modesInColumn(std::max(depth, 1));
  int maxColumn = -1;
  for (size_t k = 0; k < sites.size(); ++k) {
    const MziSite &s = sites[k];
    ASSERT_GE(s.column, 0);
    ASSERT_LT(s.column, depth);
    ASSERT_GE(s.mode, 0);
    ASSERT_LT(s.mode + 1, n);
    // Canonical order: by column, then by mode.
    if (k > 0) {
      const MziSite &p = sites[k - 1];
      ASSERT_TRUE(p.column < s.column ||
                  (p.column == s.column && p.mode < s.mode));
    }
    // Disjoint modes within a column.
    ASSERT_EQ(modesInColumn[s.column].count(s.mode), 0u);
    ASSERT_EQ(modesInColumn[s.column].count(s.mode + 1), 0u);
    modesInColumn[s.column].insert(s.mode);
    modesInColumn[s.column].insert(s.mode + 1);
    // Parity: MZIs of column c start on modes ≡ c (mod 2).
    ASSERT_EQ(s.mode % 2, s.column % 2);
    maxColumn = std::max(maxColumn, s.column);
  }
  if (topology == Topology::Clements) {
    // Every column is full: MZIs at c mod 2, c mod 2 + 2, ...
    for (int c = 0; c < depth; ++c) {
      EXPECT_EQ(static_cast<int>(modesInColumn[c].size()) / 2,
                (n - c % 2) / 2)
          << "column " << c;
    }
    if (n >= 3) {
      EXPECT_EQ(maxColumn + 1, n);
    }
  } else {
    EXPECT_EQ(maxColumn + 1, depth);
    for (const MziSite &s : sites) {
      EXPECT_LE(s.mode, s.column);
      EXPECT_LE(s.mode, 2 * n - 4 - s.column);
    }
    // The mode pair (0, 1) is used N-1 times, (N-2, N-1) once.
    if (n >= 2) {
      int top = 0, bottom = 0;
      for (const MziSite &s : sites) {
        top += s.mode == 0;
        bottom += s.mode == n - 2;
      }
      EXPECT_EQ(top, n - 1);
      if (n >= 3) {
        EXPECT_EQ(bottom, 1);
      }
    }
  }
}

INSTANTIATE_TEST_SUITE_P(
    AllSizes, LayoutTest,
    ::testing::Combine(::testing::Values(Topology::Clements, Topology::Reck),
                       ::testing::Values(1, 2, 3, 4, 5, 6, 7, 8, 16, 31, 64)));

TEST(MeshLayout, SmallClementsExplicit) {
  std::vector<MziSite> sites = meshLayout(Topology::Clements, 4);
  std::vector<std::pair<int, int>> got;
  for (const MziSite &s : sites)
    got.push_back({s.column, s.mode});
  std::vector<std::pair<int, int>> expected = {{0, 0}, {0, 2}, {1, 1},
                                               {2, 0}, {2, 2}, {3, 1}};
  EXPECT_EQ(got, expected);
}

TEST(MeshLayout, SmallReckExplicit) {
  std::vector<MziSite> sites = meshLayout(Topology::Reck, 4);
  std::vector<std::pair<int, int>> got;
  for (const MziSite &s : sites)
    got.push_back({s.column, s.mode});
  std::vector<std::pair<int, int>> expected = {{0, 0}, {1, 1}, {2, 0},
                                               {2, 2}, {3, 1}, {4, 0}};
  EXPECT_EQ(got, expected);
}

} // namespace

TEST(MeshLayout, ShifterLayoutFollowsMaskOrder) {
  for (Topology topology : {Topology::Clements, Topology::Reck}) {
    for (int n : {1, 2, 3, 6}) {
      std::vector<MziSite> mzis = meshLayout(topology, n);
      std::vector<ShifterSite> shifters = shifterLayout(topology, n);
      int k = static_cast<int>(mzis.size());
      ASSERT_EQ(static_cast<int>(shifters.size()), 2 * k + n);
      for (int i = 0; i < k; ++i) {
        EXPECT_EQ(shifters[i].arm, Arm::Theta);
        EXPECT_EQ(shifters[k + i].arm, Arm::Phi);
        for (const ShifterSite &s : {shifters[i], shifters[k + i]}) {
          EXPECT_EQ(s.column, mzis[i].column);
          EXPECT_EQ(s.mode, mzis[i].mode);
        }
      }
      for (int m = 0; m < n; ++m) {
        const ShifterSite &s = shifters[2 * k + m];
        EXPECT_EQ(s.arm, Arm::Output);
        EXPECT_EQ(s.mode, m);
        EXPECT_EQ(s.column, meshDepth(topology, n));
      }
    }
  }
  EXPECT_STREQ(armName(Arm::Theta), "theta");
  EXPECT_STREQ(armName(Arm::Phi), "phi");
  EXPECT_STREQ(armName(Arm::Output), "output");
}
